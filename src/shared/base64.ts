// Bytes as base64 (for `data:` addresses), the same in Node and in a browser.

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  // A few thousand characters at a time: String.fromCharCode takes its arguments on the stack.
  for (let at = 0; at < bytes.length; at += 0x2000) binary += String.fromCharCode(...bytes.subarray(at, at + 0x2000));
  return btoa(binary);
}
