import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index';
import cases from './cases/no-async-iterator-leak';
import { runRuleCases } from './rule-tester';

runRuleCases('no-async-iterator-leak', cases);

// The generator half shares its judgement with require-resource-cleanup: both report the same
// acquisition, and either one's `finally` suggestion clears both reports.
describe('a generator holding a resource across a yield, beside require-resource-cleanup', () => {
  const linter = new Linter({ configType: 'flat' });
  const config: Linter.Config[] = [
    {
      files: ['**/*.ts'],
      languageOptions: { parser: tsParser },
      plugins: { asyncwise: plugin as never },
      rules: { 'asyncwise/no-async-iterator-leak': 'error', 'asyncwise/require-resource-cleanup': 'error' },
    },
  ];
  const code =
    "import { Pool } from 'pg';\nconst pool = new Pool();\nexport async function* rows(sql: string) {\n  const client = await pool.connect();\n  const res = await client.query(sql);\n  yield* res.rows;\n  client.release();\n}\n";

  it.each(['asyncwise/no-async-iterator-leak', 'asyncwise/require-resource-cleanup'])('applying the finally suggestion of %s clears both', (ruleId) => {
    const messages = linter.verify(code, config, 'rows.ts');
    expect(messages.map((m) => [m.ruleId, m.line, m.column])).toEqual([
      ['asyncwise/no-async-iterator-leak', 4, 24],
      ['asyncwise/require-resource-cleanup', 4, 24],
    ]);
    const suggestion = messages.find((m) => m.ruleId === ruleId)?.suggestions?.[0];
    if (!suggestion) throw new Error(`no suggestion from ${ruleId}`);
    const fixed = code.slice(0, suggestion.fix.range[0]) + suggestion.fix.text + code.slice(suggestion.fix.range[1]);
    expect(fixed).toContain('} finally {\n    client.release();\n  }');
    expect(linter.verify(fixed, config, 'rows.ts')).toEqual([]);
  });
});
