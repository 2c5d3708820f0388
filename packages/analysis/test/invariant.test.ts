import type { TSESTree } from '@typescript-eslint/types';
import { describe, expect, it } from 'vitest';
import { checkedPlan, invariantProblem } from '../src/invariant';
import { parseFile } from '../src/parse';

const vocabulary = { added: ['Promise', 'all', 'unknown'], removed: ['await', 'const', 'let', 'var'] };

function setup(code: string) {
  const file = parseFile(code, 'f.ts');
  const fn = file.ast.body[0] as TSESTree.FunctionDeclaration;
  const statements = fn.body.body;
  return { file, statements, code };
}

const code = 'async function f() {\n  const a = await x();\n  const b = await y(); /* a */ launch(); /* b */\n}\n';

describe('checkedPlan', () => {
  it('passes a rewrite that keeps every word and adds only its own', () => {
    const { file, statements } = setup(code);
    const [first, second] = statements as [TSESTree.Node, TSESTree.Node];
    const plan = checkedPlan(file, 'review', [{ range: [first.range[0], second.range[1]], text: 'const [a, b] = await Promise.all([x(), y()]);' }], {
      owned: [first, second],
      vocabulary,
    });
    expect(plan.level).toBe('review');
  });

  it('refuses an edit that reaches past a comment over code it does not own', () => {
    const { file, statements, code: text } = setup(code);
    const [first, second] = statements as [TSESTree.Node, TSESTree.Node];
    const end = text.indexOf('/* b */') + '/* b */'.length;
    const plan = checkedPlan(file, 'review', [{ range: [first.range[0], end], text: 'const [a, b] = await Promise.all([x(), y() /* a */ /* b */]);' }], {
      owned: [first, second],
      vocabulary,
    });
    expect(plan.level).toBe('refused');
    expect(plan.refusals[0]?.reason).toBe('would-lose-code');
    expect(plan.refusals[0]?.message).toContain('`launch`');
  });

  it('refuses a rewrite that drops, changes or adds a word of the user', () => {
    const { file, statements } = setup(code);
    const [first, second] = statements as [TSESTree.Node, TSESTree.Node];
    const range: [number, number] = [first.range[0], second.range[1]];
    const check = (text: string) => invariantProblem(file, [{ range, text }], { owned: [first, second], vocabulary });
    expect(check('const [a] = await Promise.all([x(), y()]);')).toBe('lose the code `b`');
    expect(check('const [a, b] = await Promise.all([x(), z()]);')).toMatch(/^(lose the code `y`|add the code `z`)$/);
    expect(check('const [a, b] = await Promise.allSettled([x(), y()]);')).toBe('add the code `allSettled`');
    // Structure may change: brackets, commas and the words the vocabulary names.
    expect(check('const [a, b] = await Promise.all([\n  x(),\n  y(),\n]);')).toBeNull();
  });

  it('holds a comment to its exact text', () => {
    const text = 'async function f() {\n  const a = await x(/* one\n  two */);\n  const b = await y();\n}\n';
    const { file, statements } = setup(text);
    const [first, second] = statements as [TSESTree.Node, TSESTree.Node];
    const range: [number, number] = [first.range[0], second.range[1]];
    const owned = { owned: [first, second], vocabulary };
    expect(invariantProblem(file, [{ range, text: 'const [a, b] = await Promise.all([x(/* one\n  two */), y()]);' }], owned)).toBeNull();
    expect(invariantProblem(file, [{ range, text: 'const [a, b] = await Promise.all([x(/* one\n    two */), y()]);' }], owned)).toMatch(
      /^(lose|add) the comment/,
    );
  });

  it('refuses overlapping edits and edits outside the file', () => {
    const { file, statements } = setup(code);
    const owned = { owned: [...statements], vocabulary };
    expect(invariantProblem(file, [{ range: [0, 10], text: '' }, { range: [5, 12], text: '' }], owned)).toBe('apply two overlapping edits');
    expect(invariantProblem(file, [{ range: [0, code.length + 1], text: '' }], owned)).toBe('edit outside the file');
  });

  it('reads JSX text as JSX, so an apostrophe in it is no string', () => {
    const text = "async function f() {\n  const a = await render(<p>don't</p>);\n  const b = await y();\n}\n";
    const file = parseFile(text, 'f.tsx');
    const statements = (file.ast.body[0] as TSESTree.FunctionDeclaration).body.body;
    const [first, second] = statements as [TSESTree.Node, TSESTree.Node];
    const problem = invariantProblem(file, [{ range: [first.range[0], second.range[1]], text: "const [a, b] = await Promise.all([render(<p>don't</p>), y()]);" }], {
      owned: [first, second],
      vocabulary,
    });
    expect(problem).toBeNull();
  });
});
