import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index';
import type { RuleCases } from './rule-tester';

// Every rule has its cases as data (`test/cases/<rule>.ts`, which the oxlint parity test also lints)
// and a `<rule>.test.ts` that runs them through ESLint's RuleTester.
const casesDir = path.join(import.meta.dirname, 'cases');
const ruleNames = Object.keys(plugin.rules);

describe('rule cases', () => {
  it('every rule has a cases module, and every cases module a rule', () => {
    const modules = readdirSync(casesDir).filter((f) => f.endsWith('.ts')).map((f) => f.slice(0, -3));
    expect(modules.sort()).toEqual([...ruleNames].sort());
  });

  it.each(ruleNames)('%s has a test file that runs its cases', (name) => {
    expect(existsSync(path.join(import.meta.dirname, `${name}.test.ts`))).toBe(true);
  });

  it.each(ruleNames)('%s: the cases module holds the plugin rule', async (name) => {
    const { default: cases } = (await import(`./cases/${name}.ts`)) as { default: RuleCases };
    expect(cases.rule).toBe(plugin.rules[name as keyof typeof plugin.rules]);
  });
});
