import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  atomicUpdateSilenceReasons,
  callbackLiteralSilenceReasons,
  callbackReturnSilenceReasons,
  handleCallbackErrSilenceReasons,
  asyncCallbackSilenceReasons,
  alwaysReturnSilenceReasons,
  blockingCallSilenceReasons,
  callbackRefusalReasons,
  catchOrReturnSilenceReasons,
  fanOutSilenceReasons,
  handBuiltSignalSilenceReasons,
  leakedTimerSilenceReasons,
  limiterSilenceReasons,
  networkTimeoutSilenceReasons,
  pipeChainSilenceReasons,
  pipeRefusalReasons,
  loopSilenceReasons,
  nestingSilenceReasons,
  preferCatchSilenceReasons,
  promiseBoilerplateSilenceReasons,
  arrayFromAsyncSilenceReasons,
  settledReadSilenceReasons,
  raceSilenceReasons,
  returnInFinallySilenceReasons,
  returnWrapSilenceReasons,
  resourceCleanupSilenceReasons,
  forAwaitArraySilenceReasons,
  iteratorLeakSilenceReasons,
  signalPropagationSilenceReasons,
  silenceReasons,
  thenChainRefusalReasons,
  topLevelAwaitSilenceReasons,
  validParamsSilenceReasons,
} from '@asyncwise/analysis';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index';
import { docsBaseUrl } from '../src/create-rule';
import { type Example, examplesOf } from './doc-examples';

const docsDir = path.join(import.meta.dirname, '..', '..', '..', 'docs', 'rules');
const ruleNames = Object.keys(plugin.rules);

/** Reasons a rule's page must explain, beyond what every page has. */
const reasonsByRule: Record<string, readonly string[]> = {
  'no-async-promise-executor': ['function-awaits', 'return-type-not-rewritable'],
  'require-await': ['empty-function', 'may-return-promise', 'may-yield-async', 'throws-as-rejection', 'overrides-member', 'function-awaits', 'return-type-not-rewritable'],
  'prefer-promise-all': [
    ...silenceReasons,
    'partial-type-annotations',
    'jsdoc-type-annotation',
    'promise-shadowed',
    'would-drop-comment',
    'would-lose-code',
  ],
  'no-uncancelled-race': [...raceSilenceReasons, 'winner-reads-after-race', 'unsupported-call-shape', 'name-taken', 'would-lose-code'],
  'no-leaked-timer': [...leakedTimerSilenceReasons, 'timer-not-rejecting', 'would-drop-comment', 'unsupported-call-shape', 'name-taken', 'would-lose-code'],
  'propagate-abort-signal': [...signalPropagationSilenceReasons, 'unsupported-call-shape', 'would-lose-code'],
  'require-timeout': [...networkTimeoutSilenceReasons],
  'prefer-abort-signal-timeout': [...handBuiltSignalSilenceReasons, 'unsupported-call-shape', 'would-drop-comment', 'name-taken', 'would-lose-code'],
  'prefer-abort-signal-any': [...handBuiltSignalSilenceReasons, 'unsupported-call-shape', 'would-drop-comment', 'name-taken', 'would-lose-code'],
  'no-await-in-loop': [...loopSilenceReasons],
  'no-for-await-promise-array': [...forAwaitArraySilenceReasons, 'promise-shadowed', 'would-lose-code'],
  'require-resource-cleanup': [...resourceCleanupSilenceReasons, 'unsupported-call-shape', 'target-lacks-await-using', 'not-disposable', 'would-lose-code'],
  'no-async-iterator-leak': [...iteratorLeakSilenceReasons, 'no-yield-while-held', 'unsupported-call-shape', 'not-awaitable-here', 'target-lacks-await-using', 'not-disposable', 'would-lose-code'],
  'prefer-await-using': [
    'target-lacks-await-using',
    'not-acquired-just-before',
    'release-order-changes',
    'released-conditionally',
    'release-not-awaited',
    'finally-does-more',
    'resource-used-after',
    'not-awaitable-here',
    'unsupported-call-shape',
    'name-taken',
    'would-drop-comment',
    'would-lose-code',
  ],
  'no-unbounded-concurrency': [...fanOutSilenceReasons],
  'require-concurrency-limit': [...limiterSilenceReasons],
  'no-async-array-callback': [
    ...asyncCallbackSilenceReasons,
    'unsupported-call-shape',
    'not-awaitable-here',
    'loop-scope-differs',
    'promise-shadowed',
    'would-drop-comment',
    'would-lose-code',
  ],
  'prefer-promise-api': [
    ...callbackRefusalReasons.filter((reason) => reason !== 'inside-promise-executor' && reason !== 'uncatalogued-core-api'),
    'not-a-forwarding-wrapper',
    'twin-value-differs',
    'unsupported-option',
    'not-awaitable-here',
    'name-clash',
    'would-drop-comment',
    'unsupported-call-shape',
    'twin-name-taken',
    'would-lose-code',
  ],
  'prefer-stream-pipeline': [
    ...pipeChainSilenceReasons,
    ...pipeRefusalReasons,
    'not-awaitable-here',
    'unsupported-option',
    'name-clash',
    'would-drop-comment',
    'unsupported-call-shape',
    'twin-name-taken',
    'would-lose-code',
  ],
  'prefer-await-to-then': thenChainRefusalReasons,
  'catch-or-return': catchOrReturnSilenceReasons,
  'always-return': alwaysReturnSilenceReasons,
  'no-nesting': nestingSilenceReasons,
  'prefer-catch': [...preferCatchSilenceReasons, 'unsupported-call-shape', 'would-drop-comment'],
  'no-return-wrap': returnWrapSilenceReasons,
  'no-useless-promise-resolve-reject': returnWrapSilenceReasons,
  'prefer-top-level-await': topLevelAwaitSilenceReasons,
  'prefer-promise-with-resolvers': promiseBoilerplateSilenceReasons,
  'prefer-promise-try': promiseBoilerplateSilenceReasons,
  'prefer-array-from-async': arrayFromAsyncSilenceReasons,
  'no-unsafe-promise-all-settled-values': settledReadSilenceReasons,
  'no-return-in-finally': returnInFinallySilenceReasons,
  'valid-params': validParamsSilenceReasons,
  'handle-callback-err': handleCallbackErrSilenceReasons,
  'callback-return': callbackReturnSilenceReasons,
  'no-callback-literal': callbackLiteralSilenceReasons,
  'require-atomic-updates': atomicUpdateSilenceReasons,
  'no-sync-in-async': [
    ...blockingCallSilenceReasons,
    'not-awaitable-here',
    'no-promise-twin',
    'twin-value-differs',
    'unsupported-option',
    'unsupported-call-shape',
    'twin-name-taken',
    'would-lose-code',
  ],
};

/**
 * Rules that read the project's `package.json` (`engines`) lint their examples as files of a
 * project on Node 24, not against the package.json nearest the test's working directory.
 */
const exampleDirs: Record<string, string> = {
  'prefer-promise-with-resolvers': path.join(import.meta.dirname, 'fixtures', 'node-24'),
  'prefer-promise-try': path.join(import.meta.dirname, 'fixtures', 'node-24'),
  'prefer-array-from-async': path.join(import.meta.dirname, 'fixtures', 'node-24'),
};

function lint(ruleName: string, example: Example) {
  const linter = new Linter({ configType: 'flat' });
  return linter.verify(
    example.code,
    [
      {
        files: ['**/*.{ts,tsx,js,jsx}'],
        languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: example.lang.endsWith('x') } } },
        plugins: { asyncwise: plugin as never },
        rules: { [`asyncwise/${ruleName}`]: ['error', ...example.options] as never },
      },
    ],
    path.join(exampleDirs[ruleName] ?? '', `example.${example.lang}`),
  );
}

describe('rule docs', () => {
  it('rules and docs are the same set', () => {
    const docs = readdirSync(docsDir).filter((f) => f.endsWith('.md')).map((f) => f.slice(0, -3));
    expect(docs.sort()).toEqual([...ruleNames].sort());
  });

  describe.each(ruleNames)('%s', (name) => {
    const rule = plugin.rules[name as keyof typeof plugin.rules];
    const markdown = readFileSync(path.join(docsDir, `${name}.md`), 'utf8');

    it('has the title, description and URL of its meta', () => {
      const lines = markdown.split('\n');
      expect(lines[0]).toBe(`# ${name}`);
      expect(lines[2]).toBe(`> ${rule.meta.docs?.description}`);
      expect(rule.meta.docs?.url).toBe(`${docsBaseUrl}${name}.md`);
    });

    it('says which hosts run it and what it does without type information', () => {
      const row = (name: string) => markdown.split('\n').find((line) => line.startsWith(`| ${name} |`)) ?? '';
      expect(row('Hosts')).toContain('oxlint');
      expect(markdown).toContain('## With and without type information');
      const section = markdown.split('## With and without type information')[1]?.split('\n## ')[0] ?? '';
      expect(section).toContain('oxlint');
      if (rule.meta.docs?.requiresTypeChecking) {
        expect(row('Types')).toContain('required');
        expect(section).toContain('reports nothing');
        const counterpart = (rule.meta.docs as { oxlintTypeAwareRule?: string }).oxlintTypeAwareRule;
        if (counterpart) expect(section).toContain(`\`${counterpart}\``);
      } else {
        expect(row('Types')).toContain('not needed');
      }
    });

    it('documents every option of its schema', () => {
      const schema = rule.meta.schema;
      const first = Array.isArray(schema) ? (schema[0] as { properties?: Record<string, unknown> } | undefined) : undefined;
      for (const option of Object.keys(first?.properties ?? {})) expect(markdown).toContain(`### \`${option}\``);
    });

    it('explains every reason it can stay silent or refuse a rewrite', () => {
      for (const reason of reasonsByRule[name] ?? []) expect(markdown).toContain(`\`${reason}\``);
    });

    const examples = examplesOf(markdown);
    it('has incorrect and correct examples', () => {
      expect(examples.some((e) => e.expect === 'report')).toBe(true);
      expect(examples.some((e) => e.expect === 'clean')).toBe(true);
    });

    it.each(examples.map((e) => [e.line, e] as const))('example at line %i behaves as the page says', (_line, example) => {
      const messages = lint(name, example);
      expect(messages.filter((m) => m.fatal)).toEqual([]);
      if (example.expect === 'report') expect(messages.length).toBeGreaterThan(0);
      else expect(messages).toEqual([]);
    });
  });
});
