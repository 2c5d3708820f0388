import { type AnalysisFile, findSequentialAwaitRuns, parseFile } from '@asyncwise/analysis';
import tsParser from '@typescript-eslint/parser';
import { Linter, type Rule } from 'eslint';
import { describe, expect, it } from 'vitest';
import { analysisFileFor } from '../src/analysis-file';

/** Two rules that record the analysis they get, to show it is built once per file and shared. */
function recordingPlugin(seen: { rule: string; file: string; analysis: AnalysisFile }[]) {
  const recorder = (name: string): Rule.RuleModule => ({
    create(context) {
      return {
        'Program:exit'() {
          seen.push({ rule: name, file: context.filename, analysis: analysisFileFor(context as never) });
        },
      };
    },
  });
  return { rules: { first: recorder('first'), second: recorder('second') } };
}

describe('analysisFileFor', () => {
  it('builds one analysis per file and hands it to every rule of that file', () => {
    const seen: { rule: string; file: string; analysis: AnalysisFile }[] = [];
    const linter = new Linter({ configType: 'flat' });
    const config: Linter.Config[] = [
      {
        files: ['**/*.ts'],
        languageOptions: { parser: tsParser },
        plugins: { probe: recordingPlugin(seen) },
        rules: { 'probe/first': 'error', 'probe/second': 'error' },
      },
    ];
    linter.verify('export const a = await load();', config, 'a.ts');
    linter.verify('export const b = 1;', config, 'b.ts');
    const [a1, a2, b1, b2] = seen;
    expect(seen.map((s) => `${s.file}:${s.rule}`)).toEqual(['a.ts:first', 'a.ts:second', 'b.ts:first', 'b.ts:second']);
    expect(a2?.analysis).toBe(a1?.analysis);
    expect(b2?.analysis).toBe(b1?.analysis);
    expect(b1?.analysis).not.toBe(a1?.analysis);
    expect(b1?.analysis.text).toBe('export const b = 1;');
  });

  it('uses the syntax-only oracle when the host has no TypeScript program', () => {
    const seen: { rule: string; file: string; analysis: AnalysisFile }[] = [];
    new Linter({ configType: 'flat' }).verify(
      'export {};',
      [{ files: ['**/*.ts'], languageOptions: { parser: tsParser }, plugins: { probe: recordingPlugin(seen) }, rules: { 'probe/first': 'error' } }],
      'c.ts',
    );
    expect(seen[0]?.analysis.oracle.constructor.name).toBe('SyntaxOracle');
  });

  it('never answers for another file, even if a host handed the same Program with other text', () => {
    const parsed = parseFile('async function f() {\n  const a = await getA();\n  const b = await getB();\n}', 'a.ts');
    const contextFor = (text: string) =>
      ({
        sourceCode: { ...parsed, scopeManager: parsed.scopeManager, text, parserServices: {}, getAllComments: () => parsed.comments },
      }) as never;
    const first = analysisFileFor(contextFor(parsed.text));
    expect(findSequentialAwaitRuns(first).runs).toHaveLength(1);
    // Same Program object, different text: a new analysis, and no facts carried over from the first.
    const second = analysisFileFor(contextFor('export {};'));
    expect(second).not.toBe(first);
    expect(findSequentialAwaitRuns(second).runs).toEqual([]);
  });
});
