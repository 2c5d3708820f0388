import type { SafetyLevel } from '@asyncwise/analysis';
import type { RunTransform } from './types';

/** What every `src/transforms/<name>.ts` exports: the runner's entry and jscodeshift's. */
export interface TransformModule {
  readonly run: RunTransform;
  readonly default: (
    fileInfo: { readonly path: string; readonly source: string },
    api: unknown,
    options?: Record<string, unknown>,
  ) => string | undefined;
}

/**
 * One codemod as data. The CLI's `list`, `explain`, `--help` and name validation, and the docs test,
 * all read this table: adding a codemod is one row, a transform module, its fixtures and its doc.
 */
export interface Codemod {
  /** Also the transform's file name (`src/transforms/<name>.ts`), fixture folder and doc page. */
  readonly name: string;
  /** One line, no trailing period. */
  readonly description: string;
  /** What the rewrite does and when it stays silent, for `asyncwise explain`. */
  readonly details: string;
  /** The safety levels its changes can have; a `review` change needs `--level review`. */
  readonly levels: readonly SafetyLevel[];
  /** The options it reads, by CLI flag, with what each does. */
  readonly options: readonly { readonly flag: string; readonly description: string }[];
  /** The doc page, relative to the repository root. */
  readonly docsPath: string;
  /**
   * Loads the transform module. Lazy, so `list`, `explain` and `--help` answer without loading the
   * parser (TypeScript alone takes most of a second).
   */
  readonly load: () => Promise<TransformModule>;
}

/** A codemod ready to run. */
export interface LoadedCodemod {
  readonly name: string;
  readonly run: RunTransform;
}

export const codemods: readonly Codemod[] = [
  {
    name: 'sequential-to-concurrent',
    description: 'Run independent sequential awaits together with one Promise.all',
    details:
      'Finds runs of consecutive statements that each await one call whose arguments use nothing an earlier ' +
      'statement of the run produces, and rewrites them to one `await Promise.all([...])`, keeping declaration ' +
      'kinds, destructuring, type annotations (as a tuple type) and every comment. Every change is `review`: ' +
      'the calls now start together, so their side effects may interleave, and a later call runs even when an ' +
      'earlier one rejects. It stays silent when an await uses an earlier result, when statements write shared ' +
      'state, at control flow, at bare `await f();` statements (kept for their effect unless --include-bare-awaits), ' +
      'and when the rewrite would drop a comment or mix declaration kinds.',
    levels: ['review'],
    options: [
      { flag: '--ignore <pattern>', description: 'callee-name glob whose awaits must stay in order, e.g. logger.* (repeatable)' },
      { flag: '--min-run <n>', description: 'the fewest awaits that make a run (default 2)' },
      { flag: '--ordered <pattern>', description: 'callee-name glob of calls on one shared state (e.g. db.*): they keep their order (repeatable)' },
      { flag: '--settled', description: 'write Promise.allSettled with each result its value or its rejection reason' },
      {
        flag: '--include-bare-awaits',
        description: 'let bare `await f();` statements join runs (off: they are usually effects the next line needs)',
      },
    ],
    docsPath: 'docs/codemods/sequential-to-concurrent.md',
    load: () => import('./transforms/sequential-to-concurrent'),
  },
];

export function findCodemod(name: string): Codemod | undefined {
  return codemods.find((c) => c.name === name);
}

export async function loadCodemods(selected: readonly Codemod[]): Promise<LoadedCodemod[]> {
  return Promise.all(selected.map(async (codemod) => ({ name: codemod.name, run: (await codemod.load()).run })));
}
