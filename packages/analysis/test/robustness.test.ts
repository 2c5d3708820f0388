import { describe, expect, it } from 'vitest';
import { applyEdits } from '../src/edits';
import { parseFile } from '../src/parse';
import { findSequentialAwaitRuns } from '../src/sequential-awaits';

// Every syntax the parser accepts, with awaits in as many places as the language allows: the
// analysis must neither throw nor produce a rewrite that does not parse.
const kitchenSink: Record<string, string> = {
  'sink.ts': `
import type { A } from './a';
import def, * as ns from './b' with { type: 'json' };
export * from './c';
enum Color { Red = 1, Green = Red << 1 }
declare module 'x' { export const y: number; }
namespace N { export const z = 1; }
abstract class Base<T extends object = {}> {
  static #count = 0;
  declare readonly tag: string;
  accessor size = 1;
  static { Base.#count++; }
  abstract run(): Promise<void>;
  constructor(private readonly dep: T) {}
  get value(): number { return 1; }
  @decorate() async method(this: Base<T>, a?: number, ...rest: string[]): Promise<number> {
    label: for (const x of [1, 2]) { if (x) continue label; else break label; }
    const [a1, b1] = [await this.load(), await this.load()];
    const c1 = await (async () => { const p = await one(); const q = await two(); return p + q; })();
    const { d = await fallback() } = {} as { d?: number };
    try { await one(); } catch ({ message }) { await two(); } finally { await three(); }
    using res = open();
    await using res2 = await openAsync();
    switch (a) { case 1: { const m = await one(); const n = await two(); break; } default: }
    for await (const chunk of stream()) { const u = await one(); const v = await two(); }
    return a1 + b1 + c1 + d;
  }
  private async load() { return 1; }
}
function overloaded(a: string): string;
function overloaded(a: number): number;
function overloaded(a: unknown) { return a; }
async function* gen() { yield await one(); const w = await (yield 2); }
const t = <T,>(x: T) => x satisfies T;
let opt = obj?.a?.[0]?.(1) ?? (await maybe()) ?? 0;
opt ||= await one(); opt &&= await two(); opt ??= await three();
export default class {}
const tpl = tag\`a\${await one()}b\`;
const big = 10n ** 2n;
const re = /(?<year>\\d{4})/v;
if (import.meta.url) { const k = await import('./k'); const l = await import('./l'); }
`,
  'sink.tsx': `
import React from 'react';
export function App<T>({ items }: { items: T[] }) {
  return <ul>{items.map((i, n) => <li key={n} onClick={async () => { const a = await one(); const b = await two(); }}>{String(i)}</li>)}</ul>;
}
export const Frag = () => <><span {...props} data-x="1" /></>;
`,
  'sink.js': `
'use strict';
const { a, ...rest } = require('./a');
module.exports = async function main() {
  var x = await one(), y = await two();
  var p = await one();
  var q = await two();
  with_ = await three();
  return [x, y, p, q, rest];
};
`,
};

describe('robustness', () => {
  it.each(Object.entries(kitchenSink))('%s: analyses every syntax and rewrites to code that parses', (name, code) => {
    for (const includeBareAwaits of [false, true]) {
      const file = parseFile(code, name);
      const { runs } = findSequentialAwaitRuns(file, { includeBareAwaits });
      expect(runs.length).toBeGreaterThan(0);
      // Apply the outermost non-overlapping plans, as one pass of the codemod would.
      const edits = runs.flatMap((r) => r.plan.edits).sort((x, y) => x.range[0] - y.range[0]);
      const outer = edits.filter((e, i) => !edits.some((o, j) => j !== i && o.range[0] <= e.range[0] && o.range[1] >= e.range[1] && (o.range[0] !== e.range[0] || o.range[1] !== e.range[1])));
      const output = applyEdits(code, outer);
      expect(() => parseFile(output, name)).not.toThrow();
    }
  });
});
