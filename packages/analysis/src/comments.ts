import type { TSESTree } from '@typescript-eslint/types';

/** The index of the first comment that starts at or after `offset`, in a list sorted by position. */
export function firstCommentFrom(comments: readonly TSESTree.Comment[], offset: number): number {
  let lo = 0;
  let hi = comments.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((comments[mid] as TSESTree.Comment).range[0] < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Comments that lie entirely inside `[start, end)`, from a list sorted by position. */
export function commentsWithin(
  comments: readonly TSESTree.Comment[],
  start: number,
  end: number,
): TSESTree.Comment[] {
  const lo = firstCommentFrom(comments, start);
  const out: TSESTree.Comment[] = [];
  for (let i = lo; i < comments.length; i++) {
    const comment = comments[i] as TSESTree.Comment;
    if (comment.range[0] >= end) break;
    if (comment.range[1] <= end) out.push(comment);
  }
  return out;
}

/** The source text of a comment, delimiters included. */
export function commentText(text: string, comment: TSESTree.Comment): string {
  return text.slice(comment.range[0], comment.range[1]);
}
