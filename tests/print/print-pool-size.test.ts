import os from 'node:os';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultPoolSize, requestedPoolSize } from '../../src/node/print-pool.ts';
import { lecternWithEnvironment, scratchFolder } from '../support/run-lectern.ts';

afterEach(() => vi.unstubAllEnvs());

describe('the size of the print pool', () => {
  it('should be one worker per core but one (for the main thread) for a build, one per core for a preview, at most four, when LECTERN_PRINT_WORKERS is unset', () => {
    vi.stubEnv('LECTERN_PRINT_WORKERS', '');
    expect(defaultPoolSize()).toBe(Math.max(1, Math.min(4, os.availableParallelism() - 1)));
    expect(defaultPoolSize('build')).toBe(Math.max(1, Math.min(4, os.availableParallelism() - 1)));
    expect(defaultPoolSize('preview')).toBe(Math.max(1, Math.min(4, os.availableParallelism())));
  });

  it('should be the number LECTERN_PRINT_WORKERS gives, whatever the machine', () => {
    vi.stubEnv('LECTERN_PRINT_WORKERS', '7');
    expect(defaultPoolSize()).toBe(7);
    expect(defaultPoolSize('preview')).toBe(7);
    expect(requestedPoolSize({ LECTERN_PRINT_WORKERS: '0' })).toBeNaN();
    expect(requestedPoolSize({ LECTERN_PRINT_WORKERS: 'two' })).toBeNaN();
  });

  it('should make the command stop with a clear message when LECTERN_PRINT_WORKERS is not a number it can use', async () => {
    const { code, stderr } = await lecternWithEnvironment({ LECTERN_PRINT_WORKERS: 'two' }, await scratchFolder(), 'build');
    expect(code).toBe(1);
    expect(stderr).toBe('lectern: LECTERN_PRINT_WORKERS must be a whole number from 1 to 16, not "two".\n');
  });
});
