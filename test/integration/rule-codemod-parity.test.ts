// The rule and the codemod must find exactly the same sites: both ask the same analysis, and this
// test keeps it that way on every codemod fixture and on the fixture service.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import tseslint from 'typescript-eslint';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { run } from '../../packages/codemods/src/transforms/sequential-to-concurrent';
import { run as runFinallyToAwaitUsing } from '../../packages/codemods/src/transforms/finally-to-await-using';
import { run as runForEachToForOf } from '../../packages/codemods/src/transforms/foreach-async-to-for-of';
import { run as runLoopToBounded } from '../../packages/codemods/src/transforms/loop-to-bounded';
import { run as runUnboundedToBounded } from '../../packages/codemods/src/transforms/unbounded-to-bounded';
import { run as runRaceToCancellable } from '../../packages/codemods/src/transforms/race-to-cancellable';
import { run as runSyncToAsync } from '../../packages/codemods/src/transforms/sync-to-async-io';
import { run as runThenToAwait } from '../../packages/codemods/src/transforms/then-to-await';
import { run as runCallbackToPromiseApi } from '../../packages/codemods/src/transforms/callback-to-promise-api';
import { run as runPromiseWrapperToPromisify } from '../../packages/codemods/src/transforms/promise-wrapper-to-promisify';
import { run as runPipeToPipeline } from '../../packages/codemods/src/transforms/pipe-to-pipeline';
import { casesOf } from '../../packages/codemods/test/helpers';
import plugin from '../../packages/eslint-plugin/src/index';
import { findPromiseWrappers, parseFile } from '../../packages/analysis/src/index';

const root = path.join(import.meta.dirname, '..', '..');
const codemodFixtures = path.join(root, 'packages/codemods/src/transforms/__testfixtures__/sequential-to-concurrent');
const serviceSources = path.join(root, 'fixtures/sequential-service/src');

/**
 * The messages of one asyncwise rule (`rule` without its prefix) over `source` as `file`, after
 * checking that nothing else was reported and nothing failed to parse.
 */
function ruleMessages(file: string, source: string, rule: string, options?: unknown): Linter.LintMessage[] {
  const ruleId = `asyncwise/${rule}`;
  const linter = new Linter({ configType: 'flat', cwd: root });
  const messages = linter.verify(
    source,
    [
      {
        files: ['**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}'],
        languageOptions: { parser: tseslint.parser, parserOptions: { ecmaFeatures: { jsx: /\.[jt]sx$/.test(file) } } },
        plugins: { asyncwise: plugin as never },
        rules: { [ruleId]: options === undefined ? 'error' : ['error', options] },
      },
    ],
    { filename: file },
  );
  expect(messages.filter((m) => m.fatal || m.ruleId !== ruleId)).toEqual([]);
  return messages;
}

/** `line:column` of each message, sorted. */
const positions = (messages: readonly Linter.LintMessage[]): string[] => messages.map((m) => `${m.line}:${m.column}`).sort();

interface Case {
  file: string;
  options: { ignore?: readonly string[]; minRun?: number; includeBareAwaits?: boolean };
}

function cases(): Case[] {
  const out: Case[] = casesOf<Case['options']>(codemodFixtures).map((c) => ({ file: c.inputPath, options: c.options }));
  for (const name of readdirSync(serviceSources)) {
    if (name.endsWith('.ts')) out.push({ file: path.join(serviceSources, name), options: {} });
  }
  return out;
}

function ruleSites(file: string, source: string, options: Case['options']): string[] {
  const linter = new Linter({ configType: 'flat', cwd: root });
  const messages = linter.verify(
    source,
    [
      {
        files: ['**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}'],
        languageOptions: { parser: tseslint.parser, parserOptions: { ecmaFeatures: { jsx: /\.[jt]sx$/.test(file) } } },
        plugins: { asyncwise: plugin as never },
        rules: { 'asyncwise/prefer-promise-all': ['error', options] },
      },
    ],
    { filename: file },
  );
  expect(messages.filter((m) => m.fatal || m.ruleId !== 'asyncwise/prefer-promise-all')).toEqual([]);
  return messages.map((m) => `line ${m.line}`).sort();
}

function codemodSites(file: string, source: string, options: Case['options']): string[] {
  const result = run(source, file, { ...options, level: 'review' });
  const lines = [...result.changes.map((c) => c.line), ...new Set(result.refusals.map((r) => r.line))];
  return lines.map((l) => `line ${l}`).sort();
}

describe('prefer-promise-all and sequential-to-concurrent find the same sites', () => {
  const all = cases();
  it('covers the codemod fixtures and the fixture service', () => {
    expect(all.length).toBeGreaterThan(20);
  });

  it.each(all.map((c) => [path.relative(root, c.file), c] as const))('%s', (_name, { file, options }) => {
    const source = readFileSync(file, 'utf8');
    expect(codemodSites(file, source, options)).toEqual(ruleSites(file, source, options));
  });

  it('finds something in most files, so the comparison is not trivially empty', () => {
    const withSites = all.filter((c) => codemodSites(c.file, readFileSync(c.file, 'utf8'), c.options).length > 0);
    expect(withSites.length).toBeGreaterThan(all.length / 2);
  });
});

describe('no-sync-in-async and sync-to-async-io find the same calls', () => {
  const fixtures = casesOf(path.join(root, 'packages/codemods/src/transforms/__testfixtures__/sync-to-async-io'));

  function ruleCalls(file: string, source: string): string[] {
    return positions(ruleMessages(file, source, 'no-sync-in-async'));
  }

  it.each(fixtures.map((c) => [path.basename(c.inputPath), c] as const))('%s', (_name, { inputPath }) => {
    const source = readFileSync(inputPath, 'utf8');
    // Each change and refusal at the first pass's sites: one per call the rule reports.
    const result = runSyncToAsync(source, inputPath, { level: 'review' });
    const sites = [...result.changes.map((c) => `${c.line}:${c.column}`), ...new Set(result.refusals.map((r) => `${r.line}:${r.column}`))];
    expect(sites.sort()).toEqual(ruleCalls(inputPath, source));
  });
});

describe('prefer-await-to-then and then-to-await find the same chains', () => {
  const chainNotReturned = 'Only a chain a function returns or awaits as a statement is rewritten';
  const fixtures = casesOf(path.join(root, 'packages/codemods/src/transforms/__testfixtures__/then-to-await'));

  function ruleChains(file: string, source: string): string[] {
    // `strict`: the codemod converts awaited chains too, which the rule reports only with it. Chains neither
    // returned nor awaited (`chain-not-returned`, strict only) are not the codemod's to list.
    return positions(ruleMessages(file, source, 'prefer-await-to-then', { strict: true }).filter((m) => !m.message.includes(chainNotReturned)));
  }

  it.each(fixtures.map((c) => [path.basename(c.inputPath), c] as const))('%s', (_name, { inputPath }) => {
    const source = readFileSync(inputPath, 'utf8');
    // The rule is silent where nothing shows the receiver is a promise; the codemod lists those.
    const result = runThenToAwait(source, inputPath, { level: 'review' });
    const refused = result.refusals.filter((r) => r.reason !== 'receiver-not-known-promise' && r.reason !== 'receiver-not-promise').map((r) => `${r.line}:${r.column}`);
    const sites = [...result.changes.map((c) => `${c.line}:${c.column}`), ...new Set(refused)];
    expect(sites.sort()).toEqual(ruleChains(inputPath, source));
  });
});

describe('no-uncancelled-race, no-leaked-timer and race-to-cancellable describe the same sites', () => {
  const fixtures = casesOf(path.join(root, 'packages/codemods/src/transforms/__testfixtures__/race-to-cancellable'));

  interface Site {
    readonly at: string;
    readonly start: readonly [number, number];
    readonly end: readonly [number, number];
  }

  function ruleSites(file: string, source: string): { races: Site[]; timers: Site[] } {
    const linter = new Linter({ configType: 'flat', cwd: root });
    const messages = linter.verify(
      source,
      [
        {
          files: ['**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}'],
          languageOptions: { parser: tseslint.parser },
          plugins: { asyncwise: plugin as never },
          rules: { 'asyncwise/no-uncancelled-race': 'error', 'asyncwise/no-leaked-timer': 'error' },
        },
      ],
      { filename: file },
    );
    expect(messages.filter((m) => m.fatal)).toEqual([]);
    const site = (m: (typeof messages)[number]): Site => ({ at: `${m.line}:${m.column}`, start: [m.line, m.column], end: [m.endLine ?? m.line, m.endColumn ?? m.column] });
    return {
      races: messages.filter((m) => m.ruleId === 'asyncwise/no-uncancelled-race').map(site),
      // The codemod takes raced timers; an executor's timer is no race.
      timers: messages.filter((m) => m.ruleId === 'asyncwise/no-leaked-timer' && m.messageId !== 'leakedExecutorTimer').map(site),
    };
  }

  const before = (a: readonly [number, number], b: readonly [number, number]) => a[0] < b[0] || (a[0] === b[0] && a[1] <= b[1]);

  it.each(fixtures.map((c) => [path.basename(c.inputPath), c] as const))('%s', (_name, { inputPath }) => {
    const source = readFileSync(inputPath, 'utf8');
    const result = runRaceToCancellable(source, inputPath, { level: 'review' });
    const sites = new Set([...result.changes.map((c) => `${c.line}:${c.column}`), ...result.refusals.map((r) => `${r.line}:${r.column}`)]);
    const { races, timers } = ruleSites(inputPath, source);
    // Every raced timer the rule reports is rewritten or refused at the same place.
    for (const timer of timers) expect(sites, timer.at).toContain(timer.at);
    // Every race too, unless a timer in it became its signal and so replaced it.
    const replacedBy = (race: Site) =>
      result.changes.some((c) => c.applied && c.description.includes('AbortSignal.timeout') && before(race.start, [c.line, c.column]) && before([c.line, c.column], race.end));
    for (const race of races) if (!replacedBy(race)) expect(sites, race.at).toContain(race.at);
    // And the codemod finds nothing the rules do not report.
    const reported = new Set([...races, ...timers].map((s) => s.at));
    expect([...sites].filter((s) => !reported.has(s))).toEqual([]);
  });

  it('compares something in most fixtures', () => {
    const withSites = fixtures.filter((c) => {
      const result = runRaceToCancellable(readFileSync(c.inputPath, 'utf8'), c.inputPath, { level: 'review' });
      return result.changes.length + result.refusals.length > 0;
    });
    expect(withSites.length).toBeGreaterThan(fixtures.length / 2);
  });
});

describe('no-async-array-callback and foreach-async-to-for-of find the same forEach calls', () => {
  const fixtures = casesOf(path.join(root, 'packages/codemods/src/transforms/__testfixtures__/foreach-async-to-for-of'));

  function ruleCallbacks(file: string, source: string): string[] {
    // The codemod takes the `forEach` reports (also lodash's `_.forEach`/`_.each`, which it refuses); the message names the method first.
    return positions(ruleMessages(file, source, 'no-async-array-callback').filter((m) => /^`(?:[\w$]+\.)?(?:forEach|each)`/.test(m.message)));
  }

  it.each(fixtures.map((c) => [path.basename(c.inputPath), c] as const))('%s', (_name, { inputPath }) => {
    const source = readFileSync(inputPath, 'utf8');
    // Nested calls are converted in two passes; each is reported where the user wrote it.
    const result = runForEachToForOf(source, inputPath, { level: 'review' });
    const sites = [...result.changes.map((c) => `${c.line}:${c.column}`), ...new Set(result.refusals.map((r) => `${r.line}:${r.column}`))];
    expect(sites.sort()).toEqual(ruleCallbacks(inputPath, source));
  });
});

describe('prefer-await-using and finally-to-await-using find the same try statements', () => {
  const fixtures = casesOf<{ assumeAwaitUsing?: boolean }>(path.join(root, 'packages/codemods/src/transforms/__testfixtures__/finally-to-await-using'));

  function ruleSites(file: string, source: string, assumeAwaitUsing: boolean): string[] {
    const linter = new Linter({ configType: 'flat', cwd: root });
    const messages = linter.verify(
      source,
      [
        {
          files: ['**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}'],
          languageOptions: { parser: tseslint.parser },
          plugins: { asyncwise: plugin as never },
          rules: { 'asyncwise/prefer-await-using': ['error', { assumeAwaitUsing }] },
        },
      ],
      { filename: file },
    );
    expect(messages.filter((m) => m.fatal || m.ruleId !== 'asyncwise/prefer-await-using')).toEqual([]);
    return messages.map((m) => `${m.line}:${m.column}`).sort();
  }

  it.each(fixtures.map((c) => [path.basename(c.inputPath), c] as const))('%s', (_name, { inputPath, options }) => {
    const source = readFileSync(inputPath, 'utf8');
    const assume = options.assumeAwaitUsing === true;
    // The rule reports what the codemod rewrites, and is silent where the codemod refuses.
    const result = runFinallyToAwaitUsing(source, inputPath, { level: 'review', assumeAwaitUsing: assume });
    const rule = ruleSites(inputPath, source, assume);
    expect(result.changes.map((c) => `${c.line}:${c.column}`).sort()).toEqual(rule);
    const refused = new Set(result.refusals.map((r) => `${r.line}:${r.column}`));
    expect(rule.filter((site) => refused.has(site))).toEqual([]);
  });

  it('rewrites in most fixtures and refuses in others, so the comparison is not trivially empty', () => {
    const results = fixtures.map((c) => runFinallyToAwaitUsing(readFileSync(c.inputPath, 'utf8'), c.inputPath, { level: 'review', ...c.options }));
    expect(results.filter((r) => r.changes.length > 0).length).toBeGreaterThan(fixtures.length / 3);
    expect(results.filter((r) => r.refusals.length > 0).length).toBeGreaterThan(3);
  });
});

describe('prefer-promise-api, callback-to-promise-api and promise-wrapper-to-promisify share one judgement', () => {
  const fixtures = ['callback-to-promise-api', 'promise-wrapper-to-promisify'].flatMap((name) =>
    casesOf(path.join(root, 'packages/codemods/src/transforms/__testfixtures__', name)),
  );

  function ruleSites(file: string, source: string): { reported: string[]; awaitSuggested: string[]; wrapperSuggested: string[] } {
    const linter = new Linter({ configType: 'flat', cwd: root });
    const messages = linter.verify(
      source,
      [
        {
          files: ['**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}'],
          languageOptions: { parser: tseslint.parser },
          plugins: { asyncwise: plugin as never },
          rules: { 'asyncwise/prefer-promise-api': 'error' },
        },
      ],
      { filename: file },
    );
    expect(messages.filter((m) => m.fatal || m.ruleId !== 'asyncwise/prefer-promise-api')).toEqual([]);
    const at = (m: (typeof messages)[number]) => `${m.line}:${m.column}`;
    const suggested = (id: string) => messages.filter((m) => m.suggestions?.some((s) => s.messageId === id)).map(at).sort();
    return { reported: messages.map(at).sort(), awaitSuggested: suggested('suggestAwaitTwin'), wrapperSuggested: suggested('suggestPromiseTwin') };
  }

  it.each(fixtures.map((c) => [path.relative(root, c.inputPath), c] as const))('%s', (_name, { inputPath }) => {
    const source = readFileSync(inputPath, 'utf8');
    const rule = ruleSites(inputPath, source);
    // callback-to-promise-api lists every call the rule reports, in its first pass, and applies what the rule suggests.
    const callbacks = runCallbackToPromiseApi(source, inputPath, { level: 'review' });
    const firstPass = (c: { line: number; column: number }) => `${c.line}:${c.column}`;
    const callbackSites = [...callbacks.changes.map(firstPass), ...new Set(callbacks.refusals.map(firstPass))];
    expect(callbackSites.sort()).toEqual(rule.reported);
    const appliedCalls = callbacks.changes.filter((c) => c.applied).map(firstPass);
    expect(appliedCalls).toEqual(expect.arrayContaining(rule.awaitSuggested));
    // The wrappers of catalogued calls the analysis plans are exactly those the rule suggests replacing (at the call)
    // and among those promise-wrapper-to-promisify applies (at the `new Promise`).
    const planned = findPromiseWrappers(parseFile(source, inputPath)).filter((w) => w.api !== null && w.plan.level !== 'refused');
    const position = (node: { loc: { start: { line: number; column: number } } }) => `${node.loc.start.line}:${node.loc.start.column + 1}`;
    expect(planned.map((w) => position(w.call)).sort()).toEqual(rule.wrapperSuggested);
    const wrappers = runPromiseWrapperToPromisify(source, inputPath, { level: 'review' });
    const applied = new Set(wrappers.changes.filter((c) => c.applied).map(firstPass));
    for (const wrapper of planned) expect(applied).toContain(position(wrapper.node));
  });

  it('compares sites with suggestions of both kinds', () => {
    const all = fixtures.map((c) => ruleSites(c.inputPath, readFileSync(c.inputPath, 'utf8')));
    expect(all.flatMap((s) => s.awaitSuggested).length).toBeGreaterThan(5);
    expect(all.flatMap((s) => s.wrapperSuggested).length).toBeGreaterThan(3);
  });
});

describe('no-await-in-loop and loop-to-bounded judge the same loops', () => {
  const fixtures = casesOf<Record<string, unknown>>(path.join(root, 'packages/codemods/src/transforms/__testfixtures__/loop-to-bounded'));

  // The rule reports a loop at its first await, the codemod at the loop: each reported loop is one
  // change or one refusal of its shape; every loop the rule is silent on is a `loop-not-independent`
  // refusal (as is an outer loop over a map the codemod wrote inside it, which the rule never saw).
  it.each(fixtures.map((c) => [path.basename(c.inputPath), c] as const))('%s', (_name, { inputPath, options }) => {
    const source = readFileSync(inputPath, 'utf8');
    const result = runLoopToBounded(source, inputPath, { ...options, level: 'review' });
    const judged = result.changes.length + result.refusals.filter((r) => r.reason !== 'loop-not-independent').length;
    expect(judged).toBe(ruleMessages(inputPath, source, 'no-await-in-loop').length);
  });
});

describe('no-unbounded-concurrency and unbounded-to-bounded find the same fan-outs', () => {
  const fixtures = casesOf<Record<string, unknown>>(path.join(root, 'packages/codemods/src/transforms/__testfixtures__/unbounded-to-bounded'));

  it.each(fixtures.map((c) => [path.basename(c.inputPath), c] as const))('%s', (_name, { inputPath, options }) => {
    const source = readFileSync(inputPath, 'utf8');
    const result = runUnboundedToBounded(source, inputPath, { ...options, level: 'review' });
    const sites = [...result.changes.map((c) => `${c.line}:${c.column}`), ...result.refusals.map((r) => `${r.line}:${r.column}`)];
    const reported = ruleMessages(inputPath, source, 'no-unbounded-concurrency').map((m) => `${m.line}:${m.column}`);
    expect(sites.sort()).toEqual(reported.sort());
  });
});

describe('prefer-stream-pipeline and pipe-to-pipeline find the same chains', () => {
  const fixtures = casesOf(path.join(root, 'packages/codemods/src/transforms/__testfixtures__/pipe-to-pipeline'));
  const library = path.join(root, 'fixtures/callback-library/lib');
  const files = [...fixtures.map((c) => c.inputPath), ...readdirSync(library).filter((f) => f.endsWith('.js')).map((f) => path.join(library, f))];

  function ruleChains(file: string, source: string): string[] {
    return positions(ruleMessages(file, source, 'prefer-stream-pipeline'));
  }

  it('finds chains in most files, so the comparison is not trivially empty', () => {
    const withChains = files.filter((f) => ruleChains(f, readFileSync(f, 'utf8')).length > 0);
    expect(withChains.length).toBeGreaterThan(files.length / 2);
  });

  it.each(files.map((f) => [path.relative(root, f), f] as const))('%s', (_name, file) => {
    const source = readFileSync(file, 'utf8');
    const result = runPipeToPipeline(source, file, { level: 'review' });
    const sites = [...result.changes.map((c) => `${c.line}:${c.column}`), ...new Set(result.refusals.map((r) => `${r.line}:${r.column}`))];
    expect(sites.sort()).toEqual(ruleChains(file, source));
  });
});
