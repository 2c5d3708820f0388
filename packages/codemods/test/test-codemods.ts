/**
 * A codemod that exists only in tests, given to the CLI and the runner as a registry row of its own
 * (`CliEnvironment.codemods`, `loadCodemods`): `console.log` → `logger.info` (`logger.warn` with
 * `--warn`), a `safe` rewrite. With `sequential-to-concurrent` it makes a set of two to run in one
 * pass, and its option shows that a codemod's options need no change to the CLI.
 */
import { planOf, walk } from '@asyncwise/analysis';
import { applyPlans, type FoundPlan } from '../src/apply-plans';
import { type CodemodOption, parseOptionValues } from '../src/option-spec';
import { transformOptionsFrom } from '../src/options';
import { type Codemod, codemods } from '../src/registry';
import type { RunTransform } from '../src/types';

const logToLoggerOptions = [
  { key: 'warn', flag: 'warn', type: 'boolean', default: false, description: 'write logger.warn instead of logger.info' },
] as const satisfies readonly CodemodOption[];

export const logToLoggerRun: RunTransform = (source, filePath, options = {}) =>
  applyPlans(
    source,
    filePath,
    options.level ?? 'safe',
    (file) => {
      const found: FoundPlan[] = [];
      walk(file.ast, file.visitorKeys, (node) => {
        if (node.type !== 'MemberExpression' || node.computed) return;
        if (node.object.type !== 'Identifier' || node.object.name !== 'console') return;
        if (node.property.type !== 'Identifier' || node.property.name !== 'log') return;
        const text = options['warn'] === true ? 'logger.warn' : 'logger.info';
        found.push({ start: node.range[0], description: `console.log → ${text}`, plan: planOf('safe', [{ range: node.range, text }]) });
      });
      return found;
    },
    options,
  );

export const logToLogger: Codemod = {
  name: 'log-to-logger',
  description: 'Write console.log calls as logger calls (a codemod of the tests)',
  details: 'Rewrites every `console.log` member expression to `logger.info`, or `logger.warn` with --warn.',
  unit: { one: 'log call', many: 'log calls' },
  levels: ['safe'],
  options: logToLoggerOptions,
  docsPath: 'docs/codemods/log-to-logger.md',
  load: () =>
    Promise.resolve({
      run: logToLoggerRun,
      default: (fileInfo, _api, raw = {}) => {
        const result = logToLoggerRun(fileInfo.source, fileInfo.path, { ...transformOptionsFrom(raw), ...parseOptionValues(logToLoggerOptions, raw) });
        return result.output === fileInfo.source ? undefined : result.output;
      },
    }),
};

/** The built-in registry and the test codemod after it (so it runs second). */
export const registryWithTestCodemod: readonly Codemod[] = [...codemods, logToLogger];
