/**
 * A codemod's own options as data: each one is declared once (key, flag, type, default,
 * description) beside its registry row, and parsed, validated and documented from that declaration
 * alone. The CLI builds its parser, `--help`, `explain` and its error messages from the
 * declarations, so adding a codemod (or an option) never touches the CLI.
 */
import { OptionError } from './errors';
import { parseFlag, parseIgnore } from './options';

interface OptionBase {
  /** The name a transform reads (`minRun`), also accepted in library and jscodeshift options. */
  readonly key: string;
  /** The command-line flag without its dashes (`min-run`); jscodeshift passes this spelling too. */
  readonly flag: string;
  /** What the option does, one line, no trailing period. */
  readonly description: string;
}

/** On or off: `--settled`. */
export interface BooleanOption extends OptionBase {
  readonly type: 'boolean';
  readonly default: boolean;
}

/** A whole number with a lower bound: `--min-run 3`. */
export interface IntegerOption extends OptionBase {
  readonly type: 'integer';
  readonly default: number;
  readonly min: number;
  /** How help shows the value: `<n>`. */
  readonly placeholder: string;
}

/**
 * Callee-name globs, repeatable and comma-separated outside braces: `--ignore 'logger.*'`.
 * The default is always none.
 */
export interface PatternsOption extends OptionBase {
  readonly type: 'patterns';
  readonly default: readonly [];
  readonly placeholder: string;
}

/**
 * One of a few words: `--limiter p-map`. A `null` default means the transform decides per file
 * (`defaultHelp` says how), since what fits depends on the project the file is in.
 */
export interface ChoiceOption extends OptionBase {
  readonly type: 'choice';
  readonly choices: readonly string[];
  readonly default: string | null;
  readonly placeholder: string;
  /** How help describes a `null` default. */
  readonly defaultHelp?: string;
}

/** A free text such as a path: `--helper-path src/util/limit.ts`. A `null` default is decided per file (`defaultHelp`). */
export interface TextOption extends OptionBase {
  readonly type: 'text';
  readonly default: string | null;
  readonly placeholder: string;
  readonly defaultHelp?: string;
}

export type CodemodOption = BooleanOption | IntegerOption | PatternsOption | ChoiceOption | TextOption;

type ValueOf<O extends CodemodOption> = O extends BooleanOption
  ? boolean
  : O extends IntegerOption
    ? number
    : O extends ChoiceOption | TextOption
      ? string | null
      : readonly string[];

/** The validated values of a list of declarations, by key, every one present (defaults filled in). */
export type OptionValues<T extends readonly CodemodOption[]> = { readonly [O in T[number] as O['key']]: ValueOf<O> };

/** Validated option values as a transform receives them, of any codemod. */
export interface CodemodOptionValues {
  readonly [key: string]: boolean | number | string | readonly string[] | null | undefined;
}

/** `--min-run <n>`, `--settled`: the flag as help shows it. */
export function flagUsage(option: CodemodOption): string {
  return option.type === 'boolean' ? `--${option.flag}` : `--${option.flag} <${option.placeholder}>`;
}

/** The description, with the default where it is not the obvious one (off, none). */
export function optionHelp(option: CodemodOption): string {
  const repeatable = option.type === 'patterns' ? ' (repeatable)' : '';
  const byDefault =
    option.type === 'integer'
      ? ` (default ${option.default})`
      : option.type === 'choice' || option.type === 'text'
        ? ` (default ${option.default ?? option.defaultHelp ?? 'none'})`
        : '';
  return `${option.description}${repeatable}${byDefault}`;
}

/**
 * Reads the declared options out of `raw` (by key or by flag, as strings, numbers, booleans or
 * lists, the forms a command line, jscodeshift or a JSON file gives) and validates each, filling in
 * the defaults. Keys `raw` has beyond the declared ones are not looked at. Throws
 * {@link OptionError} naming the flag, the value and what it expects.
 */
export function parseOptionValues<const T extends readonly CodemodOption[]>(declared: T, raw: Readonly<Record<string, unknown>>): OptionValues<T> {
  const values: Record<string, boolean | number | string | null | readonly string[]> = {};
  for (const option of declared) {
    const value = raw[option.key] ?? raw[option.flag];
    // `null` is a validated "decided per file" (a choice or text left to its default) read back.
    values[option.key] = value === undefined || value === null ? option.default : parseValue(option, value);
  }
  // Built key by key from `declared` just above, so it has exactly the shape OptionValues<T> names.
  return values as OptionValues<T>;
}

function parseValue(option: CodemodOption, value: unknown): boolean | number | string | null | readonly string[] {
  const fail = (expected: string): never => {
    throw new OptionError(`--${option.flag}: invalid value ${JSON.stringify(value)}: expected ${expected}.`);
  };
  switch (option.type) {
    case 'boolean':
      try {
        return parseFlag(value, option.flag) ?? option.default;
      } catch {
        return fail('true or false');
      }
    case 'integer': {
      const n = typeof value === 'number' ? value : typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
      return Number.isInteger(n) && n >= option.min ? n : fail(`a whole number of at least ${option.min}`);
    }
    case 'patterns':
      try {
        return parseIgnore(value);
      } catch {
        return fail('callee-name globs such as logger.*');
      }
    case 'choice':
      return typeof value === 'string' && option.choices.includes(value) ? value : fail(`one of ${option.choices.join(', ')}`);
    case 'text':
      return typeof value === 'string' && value.trim() !== '' ? value : fail('a non-empty text');
    default: {
      const never: never = option;
      return never;
    }
  }
}
