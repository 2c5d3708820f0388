/**
 * `Promise.race` and `Promise.any` calls, and the edit helpers the cancellation planners share: the
 * statement a declaration can go before, a name the file does not use, and the text that adds a
 * signal to a catalogued call. Found from the references of the built-in `Promise` (never a user's
 * binding called `Promise`), so a file without a race costs one text test.
 */
import type { TSESTree } from '@typescript-eslint/types';
import { type SignalArgument, signalArgumentOf } from './abortable-calls';
import type { AbortableApi } from './catalogues/abortable-apis';
import type { TextEdit } from './edits';
import type { AnalysisFile } from './file';
import { appendToList } from './layout';
import { staticPropertyName } from './modules';
import { PerFile } from './per-file';

/** A `Promise.race([…])` or `Promise.any([…])` call over an array literal. */
export interface Race {
  readonly node: TSESTree.CallExpression;
  readonly method: 'race' | 'any';
  readonly array: TSESTree.ArrayExpression;
}

const cache = new PerFile<readonly Race[]>();

/** Every race over an array literal in the file, in source order. Cached per file. */
export function racesOf(file: AnalysisFile): readonly Race[] {
  const cached = cache.get(file);
  if (cached) return cached;
  const races: Race[] = [];
  // Text first: most files race nothing, and need no scope manager for it.
  if (file.text.includes('Promise') && /\b(?:race|any)\b/.test(file.text)) {
    const global = file.scopeManager.globalScope;
    const references = global ? [...global.through] : [];
    const variable = global?.set.get('Promise');
    // A declared global `Promise` is the user's; lib and configured globals have no definitions.
    if (variable && variable.defs.length === 0) references.push(...variable.references);
    else if (variable) references.length = 0;
    for (const reference of references) {
      const id = reference.identifier;
      if (id.name !== 'Promise') continue;
      const member = id.parent;
      if (member?.type !== 'MemberExpression' || member.object !== id) continue;
      const method = staticPropertyName(member);
      if (method !== 'race' && method !== 'any') continue;
      const call = member.parent;
      if (call?.type !== 'CallExpression' || call.callee !== member) continue;
      const [array] = call.arguments;
      if (array?.type !== 'ArrayExpression' || call.arguments.length !== 1) continue;
      races.push({ node: call, method, array });
    }
    races.sort((a, b) => a.node.range[0] - b.node.range[0]);
  }
  cache.set(file, races);
  return races;
}

const loopTypes = new Set(['ForStatement', 'ForInStatement', 'ForOfStatement', 'WhileStatement', 'DoWhileStatement']);

/**
 * The statement a declaration for `node` can be inserted before, so it is made once each time
 * `node` runs: the nearest statement that sits in a block, the program or a `case`, with no
 * function between (an arrow's expression body runs on its own) and not a loop whose head holds
 * `node` (its declaration would be shared by every iteration). `null` when there is none.
 */
export function insertionStatement(node: TSESTree.Node): TSESTree.Node | null {
  let current: TSESTree.Node = node;
  for (;;) {
    const parent: TSESTree.Node | undefined = current.parent;
    if (!parent) return null;
    if (parent.type === 'ArrowFunctionExpression' || parent.type === 'FunctionExpression' || parent.type === 'FunctionDeclaration') return null;
    if (parent.type === 'PropertyDefinition' || parent.type === 'AccessorProperty') return null;
    if (parent.type === 'Program' || parent.type === 'BlockStatement' || parent.type === 'StaticBlock' || (parent.type === 'SwitchCase' && parent.test !== current)) {
      return loopTypes.has(current.type) || current.type === 'LabeledStatement' ? null : current;
    }
    current = parent;
  }
}

/** The text that starts the line of `offset` up to it, when it is only indentation; otherwise `null`. */
function indentationBefore(text: string, offset: number): string | null {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  return /^[ \t]*$/.test(before) ? before : null;
}

/** An edit that inserts `declaration` as a statement of its own before `statement`, on its own line where the statement starts one. */
export function declarationBefore(file: AnalysisFile, statement: TSESTree.Node, declaration: string): TextEdit {
  const start = statement.range[0];
  const indent = indentationBefore(file.text, start);
  return { range: [start, start], text: indent === null ? `${declaration} ` : `${declaration}\n${indent}` };
}

/** The first of `candidates` that occurs nowhere in the file as a word, so a new binding shadows nothing and is shadowed by nothing. */
export function unusedName(file: AnalysisFile, candidates: readonly string[]): string | null {
  for (const name of candidates) {
    if (!new RegExp(`(?<![\\w$])${name.replace(/\$/g, '\\$')}(?![\\w$])`).test(file.text)) return name;
  }
  return null;
}

/**
 * The edits that give `call` (a call of `api`) the signal `signalText`, or `null` when the call's
 * arguments cannot take it without changing anything else: the options are opaque, the signal is
 * already there, or a string stands where the options go and the catalogue does not say it is the
 * `encoding` option (where it does, `'utf8'` becomes `{ encoding: 'utf8', signal }`, the string
 * itself left as written).
 */
export function addSignalEdits(file: AnalysisFile, call: TSESTree.CallExpression, api: AbortableApi, signalText: string, argument: SignalArgument = signalArgumentOf(call, api)): TextEdit[] | null {
  if (argument.kind !== 'absent' || api.signal?.kind !== 'option') return null;
  const args = call.arguments;
  const property = signalText === 'signal' ? 'signal' : `signal: ${signalText}`;
  if (argument.shorthand) {
    if (!api.encodingShorthand) return null;
    const [start, end] = argument.shorthand.range;
    return [
      { range: [start, start], text: '{ encoding: ' },
      { range: [end, end], text: `, ${property} }` },
    ];
  }
  if (argument.options) {
    const options = argument.options;
    const last = options.properties[options.properties.length - 1];
    if (!last) return [{ range: [options.range[0] + 1, options.range[0] + 1], text: ` ${property} ` }];
    const between = file.text.slice(last.range[1], options.range[1] - 1);
    // `{ a, }` keeps its trailing comma after the new property; `{ a }` gets one before it.
    const trailingComma = /^\s*,/.test(between) ? last.range[1] + between.indexOf(',') + 1 : null;
    return [appendToList(file.text, last.range, property, trailingComma)];
  }
  const index = argument.index;
  const existing = args[index];
  if (existing) return [{ range: [existing.range[0], existing.range[0]], text: `{ ${property} }, ` }];
  // After the last argument; arguments the options need before them are filled with `undefined`.
  const fill = Math.max(0, index - args.length);
  const lastArgument = args[args.length - 1];
  const closing = call.range[1] - 1;
  if (file.text[closing] !== ')') return null;
  const fillText = Array.from({ length: fill }, () => 'undefined').join(', ');
  const parts = [fillText, `{ ${property} }`].filter((p) => p !== '').join(', ');
  if (!lastArgument) return [{ range: [closing, closing], text: parts }];
  const afterLast = file.text.slice(lastArgument.range[1], closing);
  return [appendToList(file.text, lastArgument.range, parts, /^\s*,/.test(afterLast) ? lastArgument.range[1] + afterLast.indexOf(',') + 1 : null)];
}

/**
 * The call an element of a race starts, through `.then`/`.catch`/`.finally` chains
 * (`fetch(u).then((r) => r.json())` starts `fetch(u)`), or `null`.
 */
export function startingCall(element: TSESTree.Node): TSESTree.CallExpression | null {
  let current: TSESTree.Node = element;
  for (;;) {
    if (current.type === 'TSAsExpression' || current.type === 'TSNonNullExpression' || current.type === 'TSSatisfiesExpression') {
      current = current.expression;
      continue;
    }
    if (current.type !== 'CallExpression') return null;
    const callee = current.callee;
    if (callee.type === 'MemberExpression' && callee.object.type === 'CallExpression') {
      const name = staticPropertyName(callee);
      if (name === 'then' || name === 'catch' || name === 'finally') {
        current = callee.object;
        continue;
      }
    }
    return current;
  }
}
