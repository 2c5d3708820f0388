// `pnpm new-rule <rule-name> [analysis-export]`: scaffolds a rule in the places one name lives —
// the rule, its cases and their test, its doc page and the rules index — and regenerates the README table.
// The files it writes fail their own tests until the rule is written: the doc has no examples yet.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const [name, analysisExport = 'findSomething'] = process.argv.slice(2);
if (!name || !/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(name)) {
  console.error('Usage: pnpm new-rule <rule-name> [analysis-export]   (kebab-case, e.g. no-leaked-timer)');
  process.exit(2);
}
const root = path.join(import.meta.dirname, '..');
const camel = name.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
const files: Record<string, string> = {
  [`packages/eslint-plugin/src/rules/${name}.ts`]: `import { ${analysisExport} } from '@asyncwise/analysis';
import { analysisFileFor } from '../analysis-file';
import { createRule } from '../create-rule';
import { getFixOrSuggest } from '../fix-or-suggest';

export type Options = [];
export type MessageIds = '${camel}';

export default createRule<Options, MessageIds>({
  name: '${name}',
  meta: {
    type: 'problem',
    docs: { description: 'Disallow …', recommended: false, requiresTypeChecking: false },
    messages: { ${camel}: 'Say the problem, then the remedy.' },
    schema: [],
    defaultOptions: [],
  },
  create(context) {
    return {
      'Program:exit'() {
        const file = analysisFileFor(context);
        for (const finding of ${analysisExport}(file)) {
          context.report({ node: finding.node, messageId: '${camel}', ...getFixOrSuggest(finding.plan, '${camel}') });
        }
      },
    };
  },
});
`,
  [`packages/eslint-plugin/test/cases/${name}.ts`]: `import rule from '../../src/rules/${name}';
import { defineRuleCases } from '../rule-tester';

// Run by ESLint's RuleTester (${name}.test.ts) and linted as files by ESLint and oxlint alike
// (test/integration/oxlint.test.ts). Add a 'typed' suite for what only type information decides.
export default defineRuleCases(rule, [
  {
    host: 'syntax',
    valid: [],
    invalid: [],
  },
]);
`,
  [`packages/eslint-plugin/test/${name}.test.ts`]: `import cases from './cases/${name}';
import { runRuleCases } from './rule-tester';

runRuleCases('${name}', cases);
`,
  [`docs/rules/${name}.md`]: `# ${name}

> Disallow …

| | |
| --- | --- |
| Config | not in \`recommended\` |
| Fix | none |
| Types | not needed |
| Hosts | ESLint 9/10 (flat config) and oxlint (JS plugin); plain JavaScript and TypeScript |

## Why

## Examples

### ❌ Incorrect

### ✅ Correct

## When the rule stays silent

## Options

## With and without type information

What the rule decides without types, what types add, and that oxlint (no types) gets the former.
A rule with \`requiresTypeChecking\` says it reports nothing there and names oxlint's type-aware rule
for the same ground (\`meta.docs.oxlintTypeAwareRule\`), if there is one.

## When not to use it
`,
};
for (const [file, content] of Object.entries(files)) {
  const target = path.join(root, file);
  if (existsSync(target)) {
    console.error(`${file} exists already; nothing written.`);
    process.exit(1);
  }
  writeFileSync(target, content);
  console.log(`wrote ${file}`);
}
const indexPath = path.join(root, 'packages/eslint-plugin/src/rules/index.ts');
const index = readFileSync(indexPath, 'utf8')
  .replace(/(import [^\n]+\n)(?!import)/, `$1import ${camel} from './${name}';\n`)
  .replace('export const rules = {\n', `export const rules = {\n  '${name}': ${camel},\n`);
writeFileSync(indexPath, index);
console.log('registered in packages/eslint-plugin/src/rules/index.ts; now write the analysis, then run `pnpm generate`.');
