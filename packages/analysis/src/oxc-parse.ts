import { createRequire } from 'node:module';
import type { TSESTree } from '@typescript-eslint/types';
import type { Comment, OxcError, ParserOptions } from 'oxc-parser';

/**
 * What one oxc-parser parse gives: the program (oxc's TS-ESTree, `start`/`end`, no `range`), or null
 * when the text has a syntax error (then never decoded), its comments and its errors.
 */
export interface OxcParsed {
  readonly program: TSESTree.Program | null;
  readonly comments: readonly Comment[];
  readonly errors: readonly OxcError[];
}

/** oxc-parser's native result: the program as JSON text, the rest as plain values. */
interface NativeResult {
  readonly program: string;
  readonly comments: Comment[];
  readonly errors: OxcError[];
}

let native: ((filename: string, sourceText: string, options?: ParserOptions) => NativeResult) | undefined;

/**
 * Parses with oxc-parser's native binding and decodes its JSON as oxc-parser's own `parseSync` does
 * (`jsonParseAst` in its `src-js/wrap.js`: `JSON.parse`, then the BigInt and RegExp values JSON cannot
 * carry), without the result wrapper `parseSync` returns.
 *
 * The wrapper's getters close over the decoded program, and V8 keeps the getters a call site last
 * used reachable from old-generation caches through every young-generation GC: each file's tree
 * stayed alive into the next file's parse and was promoted instead of dying young. Measured over the
 * 1,200-file bench corpus, parsing every file twice: through `parseSync`, 192 MB promoted, 555 ms of
 * scavenges and 1.96 s of CPU; through the binding, 5 MB, 74 ms and 1.39 s. The binding is a subpath
 * oxc-parser exports (`oxc-parser/src-js/bindings`), and the version is pinned, so the JSON shape
 * cannot change under us unnoticed (the parse tests read BigInt and RegExp literals).
 */
export function parseWithOxcBinding(filename: string, sourceText: string, options: ParserOptions): OxcParsed {
  native ??= (createRequire(import.meta.url)('oxc-parser/src-js/bindings') as { parseSync: typeof native & {} }).parseSync;
  const result = native(filename, sourceText, options);
  // Each of the native result's getters hands its value over once (a second read gives an empty
  // value), which is why oxc-parser's wrapper keeps them: read each exactly once.
  const errors = result.errors;
  const comments = result.comments;
  if (errors.length > 0) return { program: null, comments, errors };
  const { node: program, fixes } = JSON.parse(result.program) as { node: TSESTree.Program; fixes: readonly (readonly (string | number)[])[] };
  for (const fix of fixes) setLiteralValue(program, fix);
  return { program, comments, errors };
}

/** A BigInt or RegExp literal's `value`, which the JSON leaves out, at the path oxc gives. */
function setLiteralValue(program: TSESTree.Program, path: readonly (string | number)[]): void {
  let node: unknown = program;
  for (const key of path) node = (node as Record<string | number, unknown>)[key];
  const literal = node as { value?: unknown; bigint?: string; regex?: { pattern: string; flags: string } };
  if (literal.bigint) literal.value = BigInt(literal.bigint);
  else if (literal.regex) {
    try {
      literal.value = new RegExp(literal.regex.pattern, literal.regex.flags);
    } catch {
      // A pattern or flag this Node cannot build: `value` stays null, as oxc-parser leaves it.
    }
  }
}
