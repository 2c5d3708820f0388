/**
 * The options of `foreach-async-to-for-of`, declared once: its registry row lists them and the
 * transform reads them. `--concurrent` writes loop-to-bounded's bounded form instead of a
 * sequential loop, so the limiter, the bound and the helper are the bounded codemods' options.
 */
import type { CodemodOption, OptionValues } from '../option-spec';
import { boundedOptions } from './bounded';

export const forEachAsyncOptions = [
  {
    key: 'concurrent',
    flag: 'concurrent',
    type: 'boolean',
    default: false,
    description: 'write a bounded, order-keeping map (at most --concurrency calls at once) instead of a sequential for…of',
  },
  ...boundedOptions,
] as const satisfies readonly CodemodOption[];

export type ForEachAsyncOptionValues = OptionValues<typeof forEachAsyncOptions>;
