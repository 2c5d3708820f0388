/**
 * Stepping over whitespace and comments in a file's text, for planners that place an edit next to a
 * token (`return|`, `=>|`) without a host's token store. Comments are the file's own list, so a
 * `//` inside a string is never mistaken for one.
 */
import type { TSESTree } from '@typescript-eslint/types';
import type { AnalysisFile } from './file';

function isWhitespace(code: number): boolean {
  // Space, tab, vertical tab, form feed, line terminators, NBSP, BOM, and the other Unicode spaces.
  return code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0xfeff || code === 0x2028 || code === 0x2029 || (code > 127 && /\s/.test(String.fromCharCode(code)));
}

/** The comment that starts at `offset`, or ends at it when `ending` is set. */
function commentAt(comments: readonly TSESTree.Comment[], offset: number, ending: boolean): TSESTree.Comment | null {
  let lo = 0;
  let hi = comments.length;
  const edge = ending ? 1 : 0;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((comments[mid] as TSESTree.Comment).range[edge] < offset) lo = mid + 1;
    else hi = mid;
  }
  const found = comments[lo];
  return found && found.range[edge] === offset ? found : null;
}

/** The offset of the first character at or after `offset` that is neither whitespace nor in a comment. */
export function nextCodeOffset(file: AnalysisFile, offset: number): number {
  const { text, comments } = file;
  let at = offset;
  while (at < text.length) {
    if (isWhitespace(text.charCodeAt(at))) {
      at++;
      continue;
    }
    const comment = commentAt(comments, at, false);
    if (!comment) return at;
    at = comment.range[1];
  }
  return at;
}

/** The offset of the last code character before `offset` (skipping whitespace and comments), or -1. */
export function previousCodeOffset(file: AnalysisFile, offset: number): number {
  const { text, comments } = file;
  let at = offset;
  while (at > 0) {
    if (isWhitespace(text.charCodeAt(at - 1))) {
      at--;
      continue;
    }
    const comment = commentAt(comments, at, true);
    if (!comment) return at - 1;
    at = comment.range[0];
  }
  return -1;
}

/** The first occurrence of the punctuator `token` as code (not in a comment) in `[from, to)`, or -1. */
export function findPunctuator(file: AnalysisFile, token: string, from: number, to: number): number {
  let at = nextCodeOffset(file, from);
  while (at < to) {
    if (file.text.startsWith(token, at)) return at;
    at = nextCodeOffset(file, at + 1);
  }
  return -1;
}
