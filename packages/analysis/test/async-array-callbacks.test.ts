import type { TSESTree } from '@typescript-eslint/types';
import { describe, expect, it } from 'vitest';
import { type AnalysisFile, asyncArrayCallbackAt, type AsyncCallbackSilenceReason, parseFile, SyntaxOracle, walk } from '../src/index';
import type { TypeOracle } from '../src/oracle/type-oracle';

type OracleFactory = (file: Omit<AnalysisFile, 'oracle'>) => TypeOracle;

/** What the analysis says of the last call in `code` with an async callback. */
function judge(code: string, options = {}, oracle?: OracleFactory) {
  const file = parseFile(code, 'a.ts', oracle ? { oracle } : {});
  let last: TSESTree.CallExpression | null = null;
  walk(file.ast, file.visitorKeys, (node) => {
    if (node.type === 'CallExpression' && node.arguments.some((a) => (a.type === 'ArrowFunctionExpression' || a.type === 'FunctionExpression') && a.async)) last = node;
  });
  if (!last) throw new Error('no call with an async callback');
  return asyncArrayCallbackAt(file, last, options);
}

describe('asyncArrayCallbackAt: why a call stays quiet', () => {
  // The type checker says "no array" (a Set, a custom collection): a stand-in oracle plays it here.
  const notArray: OracleFactory = (file) => {
    const syntax = new SyntaxOracle(file.scopeManager);
    return Object.assign(Object.create(syntax) as TypeOracle, { source: 'types' as const, isArray: () => 'no' as const });
  };
  const cases: Record<AsyncCallbackSilenceReason, { code: string; options?: object; oracle?: OracleFactory }> = {
    'map-result-used': { code: 'async function f(ids) {\n  return Promise.all(ids.map(async (id) => get(id)));\n}' },
    'reduce-promise-chain': { code: 'async function f(steps) {\n  await steps.reduce(async (prev, step) => {\n    await prev;\n    await step();\n  }, Promise.resolve());\n}' },
    'stream-method': { code: "import { Readable } from 'node:stream';\nReadable.from(urls).forEach(async (url) => fetch(url));" },
    // Bluebird's instance methods wait for the callback.
    'promise-library': { code: 'async function f(ids) {\n  const p = Promise.resolve(ids);\n  p.filter(async (id) => ok(id));\n}' },
    'own-async-method': { code: 'class Dataset {\n  async forEach(fn: (item: Item) => Promise<void>) {}\n  async save() {\n    await this.forEach(async (item) => store(item));\n  }\n}' },
    'not-an-array': { code: 'function f(tasks: TaskSet) {\n  tasks.forEach(async (t) => t.run());\n}', oracle: notArray },
    'receiver-unproven': { code: 'function f(items) {\n  items.forEach(async (i) => i.save());\n}', options: { requireArrayProof: true } },
  };
  it.each(Object.entries(cases))('%s', (reason, { code, options, oracle }) => {
    expect(judge(code, options, oracle)).toBe(reason);
  });
});

describe('asyncArrayCallbackAt: findings', () => {
  it('an unknown receiver is reported without rewrites; a proven one gets both', () => {
    const unknown = judge('async function f(items) {\n  items.forEach(async (i) => save(i));\n}');
    expect(typeof unknown === 'object' && unknown !== null && [unknown.forOf.level, unknown.promiseAll.level]).toEqual(['refused', 'refused']);
    const proven = judge('async function f(items: Item[]) {\n  items.forEach(async (i) => save(i));\n}');
    expect(typeof proven === 'object' && proven !== null && [proven.forOf.level, proven.promiseAll.level]).toEqual(['review', 'review']);
  });

  it('refuses the loop where the callback returns early, and both rewrites in a sync function', () => {
    const early = judge('async function f(items: Item[]) {\n  items.forEach(async (i) => {\n    if (!i) return;\n    await save(i);\n  });\n}');
    expect(typeof early === 'object' && early?.forOf.refusals[0]?.reason).toBe('unsupported-call-shape');
    const sync = judge('function f(items: Item[]) {\n  items.forEach(async (i) => save(i));\n}');
    expect(typeof sync === 'object' && sync !== null && [sync.forOf.refusals[0]?.reason, sync.promiseAll.refusals[0]?.reason]).toEqual(['not-awaitable-here', 'not-awaitable-here']);
  });

  it('refuses the loop when a comment would be lost', () => {
    const found = judge('async function f(items: Item[]) {\n  items.forEach(async (i) /* each */ => save(i));\n}');
    expect(typeof found === 'object' && found?.forOf.refusals[0]?.reason).toBe('would-drop-comment');
  });
});
