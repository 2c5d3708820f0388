import * as fs from 'node:fs';
function dec(_t: unknown, _k: string) {}
export class Widget {
  @dec name = 'x';
  async render() { return 'x'; }
}
export const view = (p: { s: string }) => <div>{p.s}</div>;
export async function load<T>(file: string) {
  const text = await fs.promises.readFile(file, 'utf8');
  return JSON.parse(text) as T;
}
export async function main() {
  await using _r = { async [Symbol.asyncDispose]() {} };
  load<number>('x').then((n) => {
    console.log(<span>{n}</span>);
  });
}
export const one = async () => { return 1; };
export function useOne() { one().then((v) => {
  console.log(v);
}, (e) => {}); }
