import type { TSESTree } from '@typescript-eslint/types';
import type { TextEdit } from './edits';
import type { AnalysisFile } from './file';
import { walk } from './walk';
import { PerFile } from './per-file';

/** The indentation (spaces or tabs) at the start of the line that holds `offset`. */
export function lineIndent(text: string, offset: number): string {
  let lineStart = offset;
  while (lineStart > 0 && !isLineTerminator(text.charCodeAt(lineStart - 1))) lineStart--;
  const match = /^[ \t]*/.exec(text.slice(lineStart, offset));
  return match ? match[0] : '';
}

/**
 * Appends `item` to a list (parameters, arguments, an object's properties, a type's members) after
 * its last element, which spans `last`: on a line of its own at that element's indentation when the
 * element starts its own line (`f(\n  a,\n  b\n)`, as a formatter lays a list out one per line),
 * else after `, `. `trailing` is the offset just past a separator written after the element, if there
 * is one: the list keeps it after the new item. `separator` is the list's (`;` in a type literal).
 */
export function appendToList(text: string, last: readonly [number, number], item: string, trailing: number | null = null, separator = ','): TextEdit {
  const indent = lineIndent(text, last[0]);
  const lineStart = last[0] - indent.length;
  const ownLine = lineStart > 0 && isLineTerminator(text.charCodeAt(lineStart - 1));
  if (!ownLine) {
    return trailing === null ? { range: [last[1], last[1]], text: `${separator} ${item}` } : { range: [trailing, trailing], text: ` ${item}${separator}` };
  }
  const eol = text.charCodeAt(lineStart - 1) === 10 && text.charCodeAt(lineStart - 2) === 13 ? '\r\n' : text[lineStart - 1];
  return trailing === null ? { range: [last[1], last[1]], text: `${separator}${eol}${indent}${item}` } : { range: [trailing, trailing], text: `${eol}${indent}${item}${separator}` };
}

const unitCache = new PerFile<string>();

/** The file's indentation unit: a tab, or the smallest indentation of an indented line (2 by default). */
export function indentUnitOf(file: AnalysisFile): string {
  const cached = unitCache.get(file);
  if (cached !== undefined) return cached;
  let unit = '  ';
  let smallest = Infinity;
  const lines = file.text.split('\n', 400);
  for (const line of lines) {
    const match = /^([ \t]+)\S/.exec(line);
    if (!match?.[1]) continue;
    if (match[1].startsWith('\t')) {
      unit = '\t';
      smallest = 0;
      break;
    }
    if (match[1].length >= 2 && match[1].length < smallest) smallest = match[1].length;
  }
  if (smallest !== 0 && smallest !== Infinity) unit = ' '.repeat(Math.min(smallest, 8));
  unitCache.set(file, unit);
  return unit;
}

/**
 * Whether adding indentation to the continuation lines of `node`'s text keeps its meaning: false when a
 * string or template literal spans lines, since its content would change.
 */
export function canReindent(node: TSESTree.Node, file: AnalysisFile): boolean {
  let safe = true;
  walk(node, file.visitorKeys, (n) => {
    if (!safe) return false;
    if ((n.type === 'TemplateElement' || n.type === 'Literal') && file.text.slice(n.range[0], n.range[1]).includes('\n')) {
      safe = false;
      return false;
    }
    return true;
  });
  return safe;
}

const lineEndingCache = new PerFile<string>();

/** The file's line ending: `\r\n` when most of its first thousand lines end so, else `\n`. */
export function lineEndingOf(file: AnalysisFile): string {
  const cached = lineEndingCache.get(file);
  if (cached !== undefined) return cached;
  const { text } = file;
  let crlf = 0;
  let lf = 0;
  for (let i = text.indexOf('\n'); i >= 0 && lf < 1000; i = text.indexOf('\n', i + 1)) {
    lf++;
    if (text.charCodeAt(i - 1) === 13) crlf++;
  }
  const ending = crlf * 2 > lf ? '\r\n' : '\n';
  lineEndingCache.set(file, ending);
  return ending;
}

/** Whether a character code ends a line in JavaScript: LF, CR, U+2028 or U+2029. */
export function isLineTerminator(code: number): boolean {
  return code === 0x0a || code === 0x0d || code === 0x2028 || code === 0x2029;
}

/** Whether `text` holds a line break of any kind. */
export function hasLineBreak(text: string): boolean {
  return /[\n\r\u2028\u2029]/.test(text);
}

/**
 * Adds `extra` after every line break of `text`, except inside the `keep` ranges (comments, relative
 * to `text`), whose text stays byte for byte as written.
 */
export function reindent(text: string, extra: string, keep: readonly (readonly [number, number])[] = []): string {
  let out = '';
  let cursor = 0;
  for (const [start, end] of keep) {
    out += text.slice(cursor, start).replace(/\n/g, `\n${extra}`) + text.slice(start, end);
    cursor = end;
  }
  return out + text.slice(cursor).replace(/\n/g, `\n${extra}`);
}
