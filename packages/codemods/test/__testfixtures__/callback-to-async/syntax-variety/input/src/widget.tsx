import * as fs from 'node:fs';
function dec(_t: unknown, _k: string) {}
export class Widget {
  @dec name = 'x';
  render(cb: (err: Error | null, v?: string) => void) { cb(null, 'x'); }
}
export const view = (p: { s: string }) => <div>{p.s}</div>;
export function load<T>(file: string, cb: (err: Error | null, v?: T) => void) {
  fs.readFile(file, 'utf8', (err, text) => {
    if (err) return cb(err);
    cb(null, JSON.parse(text) as T);
  });
}
export async function main() {
  await using _r = { async [Symbol.asyncDispose]() {} };
  load<number>('x', (err, n) => {
    if (err) throw err;
    console.log(<span>{n}</span>);
  });
}
export const one = (cb: (e: Error | null, v?: number) => void) => cb(null, 1);
export function useOne() { one((e, v) => { if (e) { return; } console.log(v); }); }
