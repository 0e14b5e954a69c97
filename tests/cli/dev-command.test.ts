import { spawn } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LECTERN, lectern, scratchFolder } from '../support/run-lectern.ts';

async function lessonFolder(): Promise<string> {
  const folder = await scratchFolder();
  await mkdir(path.join(folder, 'lessons'));
  await writeFile(path.join(folder, 'lessons', 'a.md'), '---\ntitle: A lesson\n---\n\n# Hello\n\nA slide.\n');
  return folder;
}

describe('lectern dev', () => {
  it('should stop with exit code 1 and a clear message when the port is in use, without building', async () => {
    const other = createServer();
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    const { port } = other.address() as AddressInfo;
    try {
      const { code, stdout, stderr } = await lectern(await lessonFolder(), 'dev', '--port', String(port));
      expect(code).toBe(1);
      expect(stdout).toBe('');
      expect(stderr).toBe(`lectern: Port ${port} is in use. Close the other program or choose another port with --port.\n`);
    } finally {
      other.close();
    }
  });

  it('should pick a free port with --port 0, print it, and serve the lessons there', async () => {
    const child = spawn(process.execPath, [LECTERN, 'dev', '--port', '0'], { cwd: await lessonFolder(), stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let stdout = '';
        child.stdout.on('data', (chunk: Buffer) => {
          stdout += chunk.toString();
          const found = /^Lectern is serving your lessons at (http:\/\/127\.0\.0\.1:(\d+)\/) \(press Ctrl\+C to stop\)\.$/m.exec(stdout);
          if (found) resolve(found[1]);
        });
        child.once('exit', (code) => reject(new Error(`lectern dev stopped (exit code ${code}) before serving: ${stdout}`)));
      });
      expect(Number(new URL(url).port)).toBeGreaterThan(0);
      expect(await (await fetch(url)).text()).toContain('<h2>A lesson</h2>');
    } finally {
      child.kill('SIGTERM');
    }
  });
  it('should stop the server when the program that started it ends, as when npx is stopped by its process id', async () => {
    // A parent that starts `lectern dev`, prints its address, and is then killed outright (it cannot pass anything on).
    const parent = spawn(
      process.execPath,
      [
        '-e',
        `const { spawn } = require('node:child_process');
         const child = spawn(process.execPath, [${JSON.stringify(LECTERN)}, 'dev', '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
         child.stdout.on('data', (chunk) => process.stdout.write(chunk));
         setInterval(() => {}, 1000);`,
      ],
      { cwd: await lessonFolder(), stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const url = await new Promise<string>((resolve, reject) => {
      let stdout = '';
      parent.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        const found = /at (http:\/\/127\.0\.0\.1:\d+\/) /.exec(stdout);
        if (found) resolve(found[1]);
      });
      parent.once('exit', (code) => reject(new Error(`the parent stopped (exit code ${code}) before lectern dev served: ${stdout}`)));
    });
    expect((await fetch(url)).ok).toBe(true);
    parent.kill('SIGKILL');
    // The server notices that its parent is gone and closes its port: wait for that, not for a fixed time.
    const closed = async () => {
      for (let attempt = 0; attempt < 100; attempt++) {
        const answered = await fetch(url).then(
          () => true,
          () => false,
        );
        if (!answered) return true;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      return false;
    };
    expect(await closed()).toBe(true);
  });
});
