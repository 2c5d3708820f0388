/**
 * The options `loop-to-bounded` and `unbounded-to-bounded` share, declared once: both write the same
 * bounded form, so a run with both gives them one limiter, one bound and one helper.
 */
import type { CodemodOption, OptionValues } from '../option-spec';

export const boundedOptions = [
  {
    key: 'limiter',
    flag: 'limiter',
    type: 'choice',
    choices: ['p-map', 'p-limit', 'local'],
    default: null,
    placeholder: 'p-map|p-limit|local',
    defaultHelp: "what the nearest package.json depends on (p-map, then p-limit), else local",
    description: 'the limiter the bounded form calls; local writes a small helper into the project once',
  },
  { key: 'concurrency', flag: 'concurrency', type: 'integer', default: 8, min: 1, placeholder: 'n', description: 'how many calls run at once at most' },
  {
    key: 'helperPath',
    flag: 'helper-path',
    type: 'text',
    default: null,
    placeholder: 'path',
    defaultHelp: 'src/lib/asyncwise-limit.ts for TypeScript files, .js for JavaScript ones (.cjs/.cts for CommonJS files of an ES module package), beside the nearest package.json',
    description: "where --limiter local writes its helper, relative to the nearest package.json's folder",
  },
] as const satisfies readonly CodemodOption[];

export type BoundedOptionValues = OptionValues<typeof boundedOptions>;
