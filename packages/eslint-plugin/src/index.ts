import type { TSESLint } from '@typescript-eslint/utils';
import { version } from '../package.json';
import { rules } from './rules/index';

type Severity = 'error' | 'warn';
type RuleEntries = Record<string, Severity>;

function entries(select: (docs: { recommended?: boolean; strict?: boolean; requiresTypeChecking?: boolean }) => boolean): RuleEntries {
  const out: RuleEntries = {};
  for (const [name, rule] of Object.entries(rules)) {
    if (select(rule.meta.docs ?? {})) out[`asyncwise/${name}`] = 'error';
  }
  return out;
}

const plugin = {
  meta: { name: 'eslint-plugin-asyncwise', version },
  rules,
  configs: {} as Record<'recommended' | 'recommended-type-checked' | 'strict' | 'all' | 'promise-compat', TSESLint.FlatConfig.Config>,
};

/**
 * eslint-plugin-promise's `recommended`, rule for rule and severity for severity, for the rules that
 * have an asyncwise twin (`configs.test.ts` checks it against eslint-plugin-promise's own config).
 */
const promiseCompat: RuleEntries = {
  'asyncwise/always-return': 'error',
  'asyncwise/no-return-wrap': 'error',
  'asyncwise/param-names': 'error',
  'asyncwise/catch-or-return': 'error',
  'asyncwise/no-nesting': 'warn',
  'asyncwise/no-new-statics': 'error',
  'asyncwise/no-return-in-finally': 'warn',
  'asyncwise/valid-params': 'warn',
  'asyncwise/no-callback-in-promise': 'warn',
  'asyncwise/no-promise-in-callback': 'warn',
};

/**
 * Flat configs, generated from each rule's `meta.docs` so they cannot drift from the rules:
 * - `recommended`: recommended rules that need no type information;
 * - `recommended-type-checked`: every recommended rule, typed ones included;
 * - `strict`: recommended-type-checked, and the rules marked `strict` (opt-in checks such as `require-timeout`);
 * - `all`: every rule;
 * - `promise-compat`: the twins of eslint-plugin-promise's `recommended`, at its severities.
 */
const configRules = {
  recommended: entries((d) => d.recommended === true && d.requiresTypeChecking !== true),
  'recommended-type-checked': entries((d) => d.recommended === true),
  strict: entries((d) => d.recommended === true || d.strict === true),
  all: entries(() => true),
  'promise-compat': promiseCompat,
};
for (const [name, rulesOfConfig] of Object.entries(configRules) as [keyof typeof configRules, RuleEntries][]) {
  plugin.configs[name] = {
    name: `asyncwise/${name}`,
    plugins: { asyncwise: plugin as unknown as TSESLint.FlatConfig.Plugin },
    rules: rulesOfConfig,
  };
}


export default plugin;
