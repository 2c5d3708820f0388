/**
 * The scaling part of `pnpm bench`: does the cost grow linearly with a run's length and a file's size?
 *
 * Run by `bench/run.ts` in a fresh `node` process (or alone: `node --import tsx bench/scaling.ts`),
 * after the packages are built. Prints one JSON line ({@link ScalingResult}) on stdout.
 *
 * - **Long runs.** One function holding one run of N independent awaits, for N = 4,000 and 16,000.
 *   Each size is timed for the analysis alone (`findSequentialAwaitRuns` on a parsed file), the
 *   codemod in memory (`run()` at level `review`: parse, analyse, apply, re-parse, analyse again),
 *   and ESLint with the recommended config against ESLint parse-only on the same text. Reported as
 *   milliseconds per 1,000 awaits, and as the ratio of the 16,000 case to the 4,000 one: linear
 *   cost gives 4× (a little less, as fixed costs are shared), quadratic cost 16×.
 * - **A large file.** A 5 MB TypeScript file of small async functions, ~24,000 runs in all (none
 *   exported: typescript-estree's parse is quadratic in top-level `export`s, a cost of its own): the
 *   codemod in memory, against `parseFile` of the same text with the codemods' parser (oxc-parser)
 *   and scopes (the floor any codemod pays), as a ratio; typescript-estree's parse of it for reference.
 *
 * Times are CPU milliseconds of this process (user + system), best of `--runs` (default 2): the
 * machine's other load shows in wall time, much less in CPU time.
 */
export interface ScalingResult {
  readonly longRuns: readonly {
    readonly awaits: number;
    readonly analysisMsPer1000: number;
    readonly codemodMsPer1000: number;
    readonly eslintParseMsPer1000: number;
    readonly eslintRecommendedMsPer1000: number;
  }[];
  /** Time of the 16,000-await case over the 4,000 one, per measurement (4 is linear). */
  readonly growth: { readonly analysis: number; readonly codemod: number; readonly eslintRecommended: number };
  readonly largeFile: {
    readonly bytes: number;
    readonly runs: number;
    /** `parseFile` with the codemods' parser (oxc-parser) and scopes: the floor the codemod pays. */
    readonly parseMs: number;
    /** The same with typescript-estree, ESLint's parser, for reference. */
    readonly estreeParseMs: number;
    readonly codemodMs: number;
    /** Wall time of the best codemod round (the bar is under 10 s). */
    readonly codemodWallMs: number;
    /** codemod / parse. */
    readonly ratio: number;
  };
}

const sizes = [4000, 16000] as const;

/** One function with one run of `awaits` independent awaits. */
function longRunSource(awaits: number): string {
  const lines: string[] = [];
  for (let i = 0; i < awaits; i++) lines.push(`  const value${i} = await fetchValue${i}(id);`);
  return `export async function load(id: string) {\n${lines.join('\n')}\n  return value0;\n}\n`;
}

/** Small async functions of three independent awaits each, until the text reaches `bytes`. */
function largeFileSource(bytes: number): { text: string; functions: number } {
  const parts: string[] = [];
  let size = 0;
  let i = 0;
  while (size < bytes) {
    const part =
      `async function load${i}(id: string) {\n` +
      `  const user = await api.getUser(id);\n` +
      `  const orders = await api.getOrders(id, ${i % 50});\n` +
      `  const settings = await api.getSettings(id);\n` +
      `  return { user, orders, settings };\n` +
      `}\n`;
    parts.push(part);
    size += part.length;
    i++;
  }
  return { text: parts.join(''), functions: i };
}

function cpuMs(fn: () => void): number {
  const start = process.cpuUsage();
  fn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

function best(runs: number, fn: () => void): number {
  let min = Infinity;
  for (let r = 0; r < runs; r++) min = Math.min(min, cpuMs(fn));
  return min;
}

/** Like {@link best}, timing only `timed`, on what an untimed `setup` prepared each round. */
function bestAfter<T>(runs: number, setup: () => T, timed: (prepared: T) => void): number {
  let min = Infinity;
  for (let r = 0; r < runs; r++) {
    const prepared = setup();
    min = Math.min(min, cpuMs(() => timed(prepared)));
  }
  return min;
}

async function main(): Promise<void> {
  const runsIndex = process.argv.indexOf('--runs');
  const runs = runsIndex >= 0 ? Number(process.argv[runsIndex + 1]) : 2;
  const { findSequentialAwaitRuns, parseFile } = await import('@asyncwise/analysis');
  const { run } = await import('@asyncwise/codemods/transforms/sequential-to-concurrent');
  const { Linter } = await import('eslint');
  const tseslint = (await import('typescript-eslint')).default;
  const plugin = (await import('eslint-plugin-asyncwise')).default;
  const linter = new Linter({ configType: 'flat' });
  const lint = (text: string, withRules: boolean) =>
    linter.verify(
      text,
      [
        {
          files: ['**/*.ts'],
          languageOptions: { parser: tseslint.parser },
          ...(withRules
            ? { plugins: plugin.configs.recommended.plugins as never, rules: plugin.configs.recommended.rules }
            : {}),
        },
      ],
      'long.ts',
    );
  // Warm up every path once, so loading TypeScript is no part of any measurement.
  const warm = longRunSource(50);
  run(warm, 'warm.ts', { level: 'review' });
  lint(warm, true);

  const longRuns = sizes.map((awaits) => {
    const text = longRunSource(awaits);
    const per1000 = (ms: number) => Number(((ms * 1000) / awaits).toFixed(1));
    const analysis = bestAfter(
      runs,
      () => {
        // The codemods' parser, scopes built in the setup (they are built on first use).
        const file = parseFile(text, 'long.ts', { parser: 'oxc' });
        void file.scopeManager;
        return file;
      },
      (file) => findSequentialAwaitRuns(file, {}),
    );
    const codemod = best(runs, () => run(text, 'long.ts', { level: 'review' }));
    const eslintParse = best(runs, () => lint(text, false));
    const eslintRecommended = best(runs, () => {
      const messages = lint(text, true);
      if (messages.length !== 1) throw new Error(`expected one report on the long run, got ${messages.length}`);
    });
    return {
      awaits,
      analysisMsPer1000: per1000(analysis),
      codemodMsPer1000: per1000(codemod),
      eslintParseMsPer1000: per1000(eslintParse),
      eslintRecommendedMsPer1000: per1000(eslintRecommended),
    };
  });
  const [small, large] = longRuns as [(typeof longRuns)[number], (typeof longRuns)[number]];
  const growth = (pick: (r: (typeof longRuns)[number]) => number) =>
    Number(((pick(large) * large.awaits) / (pick(small) * small.awaits)).toFixed(2));

  const { text, functions } = largeFileSource(5_000_000);
  let runsFound = 0;
  const parseMs = best(runs, () => void parseFile(text, 'large.ts', { parser: 'oxc' }).scopeManager);
  const estreeParseMs = best(runs, () => void parseFile(text, 'large.ts', { parser: 'typescript-estree' }).scopeManager);
  let codemodWallMs = Infinity;
  const codemodMs = best(runs, () => {
    const start = performance.now();
    runsFound = run(text, 'large.ts', { level: 'review' }).changes.length;
    codemodWallMs = Math.min(codemodWallMs, performance.now() - start);
  });
  if (runsFound !== functions) throw new Error(`expected ${functions} rewrites in the large file, got ${runsFound}`);

  const result: ScalingResult = {
    longRuns,
    growth: {
      analysis: growth((r) => r.analysisMsPer1000),
      codemod: growth((r) => r.codemodMsPer1000),
      eslintRecommended: growth((r) => r.eslintRecommendedMsPer1000),
    },
    largeFile: {
      bytes: text.length,
      runs: runsFound,
      parseMs: Math.round(parseMs),
      estreeParseMs: Math.round(estreeParseMs),
      codemodMs: Math.round(codemodMs),
      codemodWallMs: Math.round(codemodWallMs),
      ratio: Number((codemodMs / parseMs).toFixed(2)),
    },
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

await main();
