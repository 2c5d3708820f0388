import path from 'node:path';
import { parseFile } from '@asyncwise/analysis';
import { RuleTester, type InvalidTestCase, type RunTests, type ValidTestCase } from '@typescript-eslint/rule-tester';
import type { RuleModule } from '@typescript-eslint/utils/ts-eslint';
import * as espree from 'espree';
import { afterAll, describe, it } from 'vitest';

RuleTester.afterAll = afterAll;
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const fixturesDir = path.join(import.meta.dirname, 'fixtures');

/** Lints as a project without type information would (and as oxlint always does). */
export const syntaxTester = new RuleTester();

/** Lints with a TypeScript program behind it, through typescript-eslint's project service. */
export const typedTester = new RuleTester({
  languageOptions: {
    parserOptions: {
      projectService: true,
      tsconfigRootDir: fixturesDir,
    },
  },
});

/** Plain JavaScript with ESLint's default parser (espree) and eslint-scope. */
export const espreeTester = new RuleTester({
  languageOptions: { parser: espree as never, sourceType: 'module' },
});

function assertSuggestionsChangeCode<M extends string, O extends readonly unknown[]>(
  cases: readonly InvalidTestCase<M, O>[],
): void {
  for (const c of cases) {
    for (const error of c.errors) {
      for (const suggestion of error.suggestions ?? []) {
        if (suggestion.output === c.code) throw new Error(`A suggestion leaves the code unchanged:\n${c.code}`);
        // Every suggestion output must parse as the same kind of file.
        parseFile(suggestion.output, c.filename ?? 'file.ts');
      }
    }
  }
}

/**
 * Where a suite of cases runs:
 * - `syntax`: typescript-eslint's parser without a program (as oxlint, or ESLint without a TS project);
 * - `typed`: with a TypeScript program (ESLint only; oxlint has no types);
 * - `espree`: plain JavaScript with ESLint's default parser and eslint-scope.
 */
export type Host = 'syntax' | 'typed' | 'espree';

export interface RuleSuite<M extends string, O extends readonly unknown[]> extends RunTests<M, O> {
  host: Host;
}

export interface RuleCases<M extends string = string, O extends readonly unknown[] = readonly unknown[]> {
  rule: RuleModule<M, O>;
  suites: readonly RuleSuite<M, O>[];
}

/**
 * A rule's cases, as data: `test/cases/<rule>.ts` exports one of these. `<rule>.test.ts` runs them
 * through ESLint's RuleTester (`runRuleCases`), and `test/integration/oxlint.test.ts` writes them out as files and
 * lints them with oxlint and ESLint alike; a new rule is covered by both by adding its cases.
 * (oxlint's own RuleTester would check each suggestion in-process, but it needs Node 22.)
 */
export function defineRuleCases<M extends string, O extends readonly unknown[]>(
  rule: RuleModule<M, O>,
  suites: readonly RuleSuite<M, O>[],
): RuleCases<M, O> {
  return { rule, suites };
}

export const testers: Record<Host, RuleTester> = { syntax: syntaxTester, typed: typedTester, espree: espreeTester };

/**
 * Runs a rule's cases and adds the boring checks: an empty file, a file of only comments, and that
 * every suggestion output parses and differs from the input.
 */
export function runRuleTests<M extends string, O extends readonly unknown[]>(
  tester: RuleTester,
  name: string,
  rule: RuleModule<M, O>,
  tests: RunTests<M, O>,
): void {
  assertSuggestionsChangeCode(tests.invalid);
  const boring: ValidTestCase<O>[] = [{ code: '' }, { code: '// only a comment\n/* and another */' }];
  tester.run(name, rule, { valid: [...boring, ...tests.valid], invalid: tests.invalid });
}

/** Runs every suite of a rule's cases through ESLint's RuleTester, one suite per host. */
export function runRuleCases(name: string, cases: RuleCases): void {
  for (const suite of cases.suites) runRuleTests(testers[suite.host], `${name} (${suite.host})`, cases.rule, suite);
}
