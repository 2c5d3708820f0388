import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index';
import { runRuleTests, testers, type RuleCases } from './rule-tester';

// Every rule's cases (`test/cases/<rule>.ts`) through ESLint's RuleTester, one suite per host.
const casesDir = path.join(import.meta.dirname, 'cases');
const ruleNames = Object.keys(plugin.rules);

describe('rule cases', () => {
  it('every rule has a cases module, and every cases module a rule', () => {
    const modules = readdirSync(casesDir).filter((f) => f.endsWith('.ts')).map((f) => f.slice(0, -3));
    expect(modules.sort()).toEqual([...ruleNames].sort());
  });
});

for (const name of ruleNames) {
  const { default: cases } = (await import(`./cases/${name}.ts`)) as { default: RuleCases };
  it(`${name}: the cases module holds the plugin's rule`, () => {
    expect(cases.rule).toBe(plugin.rules[name as keyof typeof plugin.rules]);
  });
  for (const suite of cases.suites) runRuleTests(testers[suite.host], `${name} (${suite.host})`, cases.rule, suite);
}
