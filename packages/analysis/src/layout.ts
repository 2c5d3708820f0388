import type { TSESTree } from '@typescript-eslint/types';
import type { AnalysisFile } from './file';
import { walk } from './walk';

/** The indentation (spaces or tabs) at the start of the line that holds `offset`. */
export function lineIndent(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const match = /^[ \t]*/.exec(text.slice(lineStart, offset));
  return match ? match[0] : '';
}

const unitCache = new WeakMap<AnalysisFile, string>();

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

/** The file's line ending: `\r\n` when most lines end so, else `\n`. */
export function lineEndingOf(file: AnalysisFile): string {
  const { text } = file;
  let crlf = 0;
  let lf = 0;
  for (let i = text.indexOf('\n'); i >= 0 && lf < 1000; i = text.indexOf('\n', i + 1)) {
    lf++;
    if (text.charCodeAt(i - 1) === 13) crlf++;
  }
  return crlf * 2 > lf ? '\r\n' : '\n';
}

/** Adds `extra` after every line break of `text`. */
export function reindent(text: string, extra: string): string {
  return text.replace(/\n/g, `\n${extra}`);
}
