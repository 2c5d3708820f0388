/**
 * The options of `sequential-to-concurrent`, declared once: its registry row lists them (the CLI
 * parses, validates and documents them from there) and the transform reads them (also from a
 * jscodeshift command line). A module of its own so that neither needs the other to load.
 */
import type { CodemodOption, OptionValues } from '../option-spec';

export const sequentialToConcurrentOptions = [
  {
    key: 'ignore',
    flag: 'ignore',
    type: 'patterns',
    default: [],
    placeholder: 'pattern',
    description: 'callee-name glob whose awaits stay in order, e.g. logger.*',
  },
  {
    key: 'ordered',
    flag: 'ordered',
    type: 'patterns',
    default: [],
    placeholder: 'pattern',
    description: 'callee-name glob of calls on one shared state, kept in order among themselves, e.g. db.*',
  },
  {
    key: 'settled',
    flag: 'settled',
    type: 'boolean',
    default: false,
    description: 'write Promise.allSettled with each result its value or rejection reason',
  },
  { key: 'minRun', flag: 'min-run', type: 'integer', default: 2, min: 2, placeholder: 'n', description: 'the fewest awaits that make a run' },
  {
    key: 'includeBareAwaits',
    flag: 'include-bare-awaits',
    type: 'boolean',
    default: false,
    description: 'let `await f();` statements (result unused) join runs',
  },
] as const satisfies readonly CodemodOption[];

export type SequentialToConcurrentOptionValues = OptionValues<typeof sequentialToConcurrentOptions>;
