import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index';
import type { RuleCases } from './rule-tester';

// No rule ping-pong: applying one rule's fix or suggestion must never give code on which a rule of
// `all` offers the edit back. Every fix and suggestion of every invalid case (without types, the
// host every rule runs on) is applied, the result is linted with every rule of `all` (at its
// defaults, the case's own rule with the case's options), and each of their fixes and suggestions
// is applied in turn: none may restore the case's code.

const ruleNames = Object.keys(plugin.rules);

interface Edit {
  range: readonly [number, number];
  text: string;
}

function apply(text: string, edit: Edit): string {
  return text.slice(0, edit.range[0]) + edit.text + text.slice(edit.range[1]);
}

function config(rules: Linter.RulesRecord): Linter.Config[] {
  return [
    {
      files: ['**/*.{ts,tsx,js,jsx,cjs,mjs}'],
      languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: true } } },
      plugins: { asyncwise: plugin as never },
      rules,
    },
  ];
}

/** Every text one edit of a message gives: its fix and each of its suggestions. */
function editedTexts(text: string, messages: Linter.LintMessage[]): { ruleId: string; text: string }[] {
  const out: { ruleId: string; text: string }[] = [];
  for (const message of messages) {
    if (!message.ruleId) continue;
    if (message.fix) out.push({ ruleId: message.ruleId, text: apply(text, message.fix) });
    for (const suggestion of message.suggestions ?? []) out.push({ ruleId: message.ruleId, text: apply(text, suggestion.fix) });
  }
  return out;
}

describe('no rule ping-pong', () => {
  const linter = new Linter({ configType: 'flat' });
  const allRules = plugin.configs.all.rules as Linter.RulesRecord;
  let checked = 0;

  it.each(ruleNames)('%s: no rule of `all` undoes its fixes and suggestions', async (name) => {
    const { default: cases } = (await import(`./cases/${name}.ts`)) as { default: RuleCases };
    for (const suite of cases.suites.filter((s) => s.host === 'syntax')) {
      for (const testCase of suite.invalid) {
        const filename = testCase.filename ?? 'file.ts';
        const options = (testCase.options ?? []) as unknown[];
        const own = { [`asyncwise/${name}`]: ['error', ...options] as Linter.RuleEntry };
        const first = linter.verify(testCase.code, config(own), filename);
        for (const edited of editedTexts(testCase.code, first)) {
          // The rule keeps the case's options (a user's config has one setting per rule); the others their defaults.
          const second = linter.verify(edited.text, config({ ...allRules, ...own }), filename);
          expect(second.filter((m) => m.fatal), edited.text).toEqual([]);
          for (const back of editedTexts(edited.text, second)) {
            checked++;
            expect(back.text, `${back.ruleId} undoes ${edited.ruleId} on:\n${testCase.code}`).not.toBe(testCase.code);
          }
        }
      }
    }
  });

  it('checked edits of other rules on edited code (the test is not vacuous)', () => {
    expect(checked).toBeGreaterThan(0);
  });
});
