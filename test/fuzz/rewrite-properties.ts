/**
 * Generated programs and the properties every rewrite of them must have, shared by the fixed-seed
 * test in `pnpm test` and the longer `pnpm fuzz` run.
 *
 * Programs hold runs of awaits with random trailing code and comments of every kind on their lines,
 * every JavaScript line terminator (LF, CRLF, CR, U+2028, U+2029), an optional BOM and hashbang,
 * runs nested in callbacks, and files without semicolons where the next line starts with `(`, `[`
 * or a template. For each, the codemod's output must parse, a second run must change nothing, the
 * output must hold every word and comment of the input (only the words a `Promise.all` rewrite
 * documents may come or go), no plan may be refused as an asyncwise bug, and the rule must report
 * exactly where the codemod found runs.
 */
import { parseFile, withoutBom } from '@asyncwise/analysis';
import { Linter } from 'eslint';
import fc from 'fast-check';
import jsTokens from 'js-tokens';
import tseslint from 'typescript-eslint';
import { run } from '../../packages/codemods/src/transforms/sequential-to-concurrent';
import plugin from '../../packages/eslint-plugin/src/index';

export interface GeneratedFile {
  readonly text: string;
  readonly includeBareAwaits: boolean;
}

const lineTerminators = ['\n', '\r\n', '\r', '\u2028', '\u2029'] as const;

/** What may follow a statement on its own line. */
const trailing = fc.constantFrom(
  '',
  ' /* note */',
  ' // note',
  ' /* a */ sideEffect(); /* b */',
  ' sideEffect(); // after',
  ' /* one */ /* two */',
  ' /** @type {X} */',
  ' /* multi\n   line */',
  ' /* multi\n   line */ sideEffect();',
);

/** What may stand between two statements. */
const between = fc.constantFrom('', '// own line', '/* own line */', '/**\n * docs\n */', '/* spans\n lines */ ');

const operand = fc.oneof(
  fc.constantFrom('f(a)', 'g()', 'api.get(id)', 'h(/* inline */ 1)', 'k({\n  x: 1, /* keep\n  me */\n})', 'm(`t${x}`)', "n('it\\'s'.length)"),
  fc.constantFrom('render(<App />)', "render(<p>don't</p>)"),
);

interface Shape {
  readonly semicolons: boolean;
  readonly terminator: string;
  readonly jsx: boolean;
}

function statementArbitrary(index: number, shape: Shape, depth: number): fc.Arbitrary<string> {
  const semi = shape.semicolons ? ';' : '';
  const plainOperand = shape.jsx ? operand : operand.filter((o) => !o.includes('<'));
  const op: fc.Arbitrary<string> =
    depth > 0
      ? fc.oneof(
          { weight: 3, arbitrary: plainOperand },
          {
            weight: 1,
            arbitrary: runArbitrary(shape, depth - 1).map((inner) => `p(async () => {${shape.terminator}${inner}${shape.terminator}})`),
          },
        )
      : plainOperand;
  return fc.tuple(fc.constantFrom('const', 'let', 'assign', 'bare'), op).map(([form, o]) => {
    if (form === 'bare') return `await ${o}${semi}`;
    // Assignments go to variables the function declares up front; declarations are fresh names.
    if (form === 'assign') return `s${index}_${depth} = await ${o}${semi}`;
    return `${form} v${index}_${depth} = await ${o}${semi}`;
  });
}

function runArbitrary(shape: Shape, depth: number): fc.Arbitrary<string> {
  return fc
    .array(fc.tuple(fc.nat(), trailing, between), { minLength: 2, maxLength: 5 })
    .chain((slots) =>
      fc.tuple(...slots.map((_, i) => statementArbitrary(i, shape, depth))).map((statements) =>
        statements
          .map((statement, i) => {
            const [, trail, gap] = slots[i] as [number, string, string];
            const tail = shape.semicolons || !trail.includes('sideEffect') ? trail : trail.replace(/sideEffect\(\)/g, ';sideEffect()');
            return `${gap === '' ? '' : `${gap}${shape.terminator}`}${statement}${tail}`;
          })
          .join(shape.terminator),
      ),
    );
}

/** A whole file: optional BOM and hashbang, declarations, a function holding a run, and what follows it. */
export const generatedFile: fc.Arbitrary<GeneratedFile> = fc
  .record({
    semicolons: fc.boolean(),
    terminator: fc.constantFrom(...lineTerminators),
    jsx: fc.boolean(),
    bom: fc.boolean(),
    hashbang: fc.boolean(),
    includeBareAwaits: fc.boolean(),
    after: fc.constantFrom('', '(cleanup)()', '[a, b].forEach(use)', '`done`', 'return s0_2'),
  })
  .chain((settings) => {
    const shape: Shape = { semicolons: settings.semicolons, terminator: settings.terminator, jsx: settings.jsx };
    return runArbitrary(shape, 2).map((body) => {
      const t = settings.terminator;
      const semi = settings.semicolons ? ';' : '';
      const declared = Array.from({ length: 5 }, (_, i) => [0, 1, 2].map((d) => `s${i}_${d}`).join(', ')).join(', ');
      const lines = [
        ...(settings.hashbang ? ['#!/usr/bin/env node'] : []),
        `export async function run(a, id, x) {`,
        `  let ${declared}${semi}`,
        `  log("start")${semi}`,
        body,
        ...(settings.after === '' ? [] : [settings.after]),
        `}`,
        '',
      ];
      return { text: `${settings.bom ? '\uFEFF' : ''}${lines.join(t)}`, includeBareAwaits: settings.includeBareAwaits };
    });
  });

const vocabulary = { added: new Set(['Promise', 'all', 'unknown']), removed: new Set(['await', 'const', 'let', 'var']) };

/** The code words of a text (no punctuation or white space), counted. */
function wordCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const token of jsTokens(text, { jsx: true })) {
    if (token.type === 'Punctuator' || token.type === 'JSXPunctuator' || token.type === 'WhiteSpace' || token.type === 'LineTerminatorSequence') continue;
    counts.set(token.value, (counts.get(token.value) ?? 0) + 1);
  }
  return counts;
}

const fileName = 'generated.tsx';

function ruleLines(text: string, includeBareAwaits: boolean): number[] {
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(
    text,
    [
      {
        files: ['**/*.tsx'],
        languageOptions: { parser: tseslint.parser, parserOptions: { ecmaFeatures: { jsx: true } } },
        plugins: { asyncwise: plugin as never },
        rules: { 'asyncwise/prefer-promise-all': ['error', { includeBareAwaits }] },
      },
    ],
    { filename: fileName },
  );
  const fatal = messages.find((m) => m.fatal);
  if (fatal) throw new Error(`ESLint could not parse the generated file: ${fatal.message}`);
  return messages.map((m) => m.line).sort((a, b) => a - b);
}

/**
 * Checks every property on one generated file; throws with what broke. Returns `false` when the
 * generated text is not a valid program (the generator's fault, not the codemod's), so it is skipped.
 */
export function checkRewriteProperties({ text, includeBareAwaits }: GeneratedFile): boolean {
  try {
    parseFile(withoutBom(text).text, fileName);
  } catch {
    return false;
  }
  const options = { level: 'review' as const, includeBareAwaits };
  const result = run(text, fileName, options);
  const bugs = result.refusals.filter((r) => r.reason === 'would-lose-code');
  if (bugs.length > 0) throw new Error(`would-lose-code refusal: ${bugs[0]?.message}`);
  if (text.startsWith('\uFEFF') !== result.output.startsWith('\uFEFF')) throw new Error('the byte order mark was not kept');
  parseFile(withoutBom(result.output).text, fileName);
  const again = run(result.output, fileName, options);
  if (again.output !== result.output) throw new Error('a second run changed the output again');

  const before = wordCounts(text);
  const after = wordCounts(result.output);
  for (const word of new Set([...before.keys(), ...after.keys()])) {
    const lost = (before.get(word) ?? 0) - (after.get(word) ?? 0);
    if (lost > 0 && !vocabulary.removed.has(word)) throw new Error(`the rewrite lost ${JSON.stringify(word)}`);
    if (lost < 0 && !vocabulary.added.has(word)) throw new Error(`the rewrite added ${JSON.stringify(word)}`);
  }

  const codemodLines = [...result.changes.map((c) => c.line), ...new Set(result.refusals.map((r) => r.line))].sort((a, b) => a - b);
  const lintLines = ruleLines(text, includeBareAwaits);
  if (JSON.stringify(codemodLines) !== JSON.stringify(lintLines)) {
    throw new Error(`the rule reports lines ${lintLines.join(', ') || 'none'}, the codemod ${codemodLines.join(', ') || 'none'}`);
  }
  return true;
}
