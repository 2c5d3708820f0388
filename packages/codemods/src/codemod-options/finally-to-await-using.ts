/**
 * The options of `finally-to-await-using`, declared once: its registry row lists them (the CLI
 * parses, validates and documents them from there) and the transform reads them (also from a
 * jscodeshift command line). A module of its own so that neither needs the other to load.
 */
import type { CodemodOption, OptionValues } from '../option-spec';

export const finallyToAwaitUsingOptions = [
  {
    key: 'assumeAwaitUsing',
    flag: 'assume-await-using',
    type: 'boolean',
    default: false,
    description: 'rewrite without reading the project setup (a Babel or esbuild build, an extends naming a config that is not installed)',
  },
] as const satisfies readonly CodemodOption[];

export type FinallyToAwaitUsingOptionValues = OptionValues<typeof finallyToAwaitUsingOptions>;
