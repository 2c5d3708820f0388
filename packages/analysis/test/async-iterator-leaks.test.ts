import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findLeakedIterators } from '../src/async-iterator-leaks';
import { parseFile } from '../src/parse';

/** Generators in another module of a project on disk, whose bodies the declaration index reads once and drops. */
const modules: Record<string, string> = {
  'finally.ts': "export async function* gen() {\n  try {\n    yield 1;\n  } finally {\n    console.log('closed');\n  }\n}\n",
  'using.ts': 'declare function acquire(): AsyncDisposable;\nexport async function* gen() {\n  await using r = acquire();\n  yield r;\n}\n',
  'catch.ts': "export async function* gen() {\n  try {\n    yield 1;\n  } catch {\n    console.log('never on return()');\n  }\n}\n",
  'nested.ts': "export async function* gen() {\n  const inner = async function* () {\n    try {\n      yield 1;\n    } finally {\n      console.log('inner');\n    }\n  };\n  yield* inner();\n}\n",
  'plain.ts': 'export async function gen() {\n  return [1];\n}\n',
  'declared.d.ts': 'export declare function gen(): AsyncGenerator<number>;\n',
};

let root = '';

beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'asyncwise-generators-'));
  for (const [file, text] of Object.entries(modules)) writeFileSync(path.join(root, file), text);
});

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

/** What the check says of `const it = gen(); (await it.next())` with `gen` imported from `source`. */
function verdict(source: string): string {
  const code = `import { gen } from './${source}';\nexport async function first() {\n  const it = gen();\n  return (await it.next()).value;\n}\n`;
  const result = findLeakedIterators(parseFile(code, path.join(root, 'app.ts')));
  return result.iterators[0]?.kind ?? result.silenced[0]?.reason ?? 'not judged';
}

describe('generators imported from the project', () => {
  it.each([
    ['a yield inside try/finally', 'finally', 'never-closed'],
    ['a yield after await using', 'using', 'never-closed'],
    // return() skips a catch, and a nested generator's finally is its own.
    ['a yield inside try/catch only', 'catch', 'no-cleanup-to-run'],
    ['a finally only in a nested generator', 'nested', 'no-cleanup-to-run'],
    ['an async function, not a generator', 'plain', 'not judged'],
    // A declaration file shows no body, so nothing shows its return() does anything.
    ['a declared generator without a body', 'declared', 'not judged'],
    ['a module that does not exist', 'missing', 'not judged'],
  ])('%s', (_name, source, expected) => {
    expect(verdict(source)).toBe(expected);
  });

  it('reads the generator again when its module changes on disk', () => {
    const file = path.join(root, 'changing.ts');
    writeFileSync(file, modules['finally.ts'] ?? '');
    utimesSync(file, new Date(1_000_000_000_000), new Date(1_000_000_000_000));
    expect(verdict('changing')).toBe('never-closed');
    writeFileSync(file, 'export async function* gen() {\n  yield 1;\n}\n');
    utimesSync(file, new Date(1_000_000_100_000), new Date(1_000_000_100_000));
    expect(verdict('changing')).toBe('no-cleanup-to-run');
  });
});
