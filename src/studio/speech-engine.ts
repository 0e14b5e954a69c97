// The Speech Rule Engine in a Web Worker, as it runs in Node: it finds xmldom and its XPath through `require` (there is
// no `window` in a worker), so both are given to it for the moment it loads. It then speaks formulas exactly as in
// Node, and the studio's files are the same as `lectern build`'s.

import { speechMap } from '../math/tex-to-speech.ts';

export async function loadSpeechEngineInWorker(): Promise<unknown> {
  const scope = globalThis as Record<string, unknown>;
  // wicked-good-xpath's Node build installs itself on `global`.
  scope.global = globalThis;
  try {
    const [xmldom, xpath] = await Promise.all([import('@xmldom/xmldom'), import('wicked-good-xpath')]);
    const commonJs = (module: unknown) => (module as { default?: unknown }).default ?? module;
    // Its command line (commander) is never used here: a stand-in is enough. Its rule maps, which it reads from disk in
    // Node, are read from Lectern's files (fetched before it loads: tex-to-speech.ts).
    const map = (file: string) => speechMap(file.replace(/^.*\//, '').replace(/\.json$/, ''));
    const fs = {
      readFileSync: (file: string) => map(file),
      readFile: (file: string, _encoding: string, done: (error: unknown, text?: string) => void) => {
        try {
          done(null, map(file));
        } catch (error) {
          done(error);
        }
      },
    };
    const modules: Record<string, unknown> = { '@xmldom/xmldom': commonJs(xmldom), 'wicked-good-xpath': commonJs(xpath), commander: { program: {} }, fs };
    scope.require = (name: string) => modules[name] ?? null;
    // Where it would look for its rule maps on disk (it is given them instead: tex-to-speech.ts).
    scope.process = { env: {}, cwd: () => '/' };
    return await import('speech-rule-engine');
  } finally {
    delete scope.require;
    delete scope.process;
    delete scope.global;
  }
}
