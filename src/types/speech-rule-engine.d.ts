// The parts of the Speech Rule Engine that Lectern uses (math/tex-to-speech.ts); the package ships no types.
declare module 'speech-rule-engine' {
  export function setupEngine(options: Record<string, unknown>): Promise<void>;
  export function engineReady(): Promise<unknown>;
  export function toSpeech(mathML: string): string;
}

// XPath for xmldom documents, which the Speech Rule Engine loads in Node (and the studio gives it in a Web Worker).
declare module 'wicked-good-xpath' {
  export function install(scope: object): void;
}
