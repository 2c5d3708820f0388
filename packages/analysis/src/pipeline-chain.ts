/**
 * What every `pipeline(…)` rewrite of a reported `.pipe()` chain reads of the chain, whether it
 * becomes `await pipeline(…)` in its function (`pipeline-plan.ts`) or replaces a `new Promise`
 * waiting for its streams (`pipeline-wrappers.ts`): the statements that build it and add its
 * listeners, what keeps any rewrite of it from meaning the same (`chainProblem`), and whether its
 * last stream closes before `pipeline` settles.
 */
import type { TSESTree } from '@typescript-eslint/types';
import jsTokens from 'js-tokens';
import type { enclosingFunctionOf } from './callback-to-await';
import { type Plan, type RefusalReason, refusedPlan } from './edits';
import type { AnalysisFile } from './file';
import { linkOf, type PipeChain, pipelineWaitsForCloseOf, processStreamOf, shortStreamText } from './pipe-links';
import { skipTransparentWrappers } from './walk';
export type EnclosingFunction = Exclude<ReturnType<typeof enclosingFunctionOf>, null | 'other'>;

export const refuse = (reason: RefusalReason, message: string): Plan => refusedPlan({ reason, message });

export type InlineHandler = TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression;

export function isInline(node: TSESTree.Node): node is InlineHandler {
  return node.type === 'ArrowFunctionExpression' || node.type === 'FunctionExpression';
}

/** The words of a text, as the invariant counts them: what a dropped copy of a handler removes. */
export function wordsOfText(text: string): string[] {
  const out: string[] = [];
  for (const token of jsTokens(text)) {
    if (token.type !== 'Punctuator' && token.type !== 'WhiteSpace' && token.type !== 'LineTerminatorSequence') out.push(token.value);
  }
  return out;
}

/**
 * The statements the rewrite replaces: the chain's own, after the statements on its streams' names
 * that add their `error` listeners (`a.on('error', onError); b.on('error', onError); a.pipe(b);`),
 * in source order.
 */
export function statementsOf(chain: PipeChain): TSESTree.Statement[] {
  const registrations = [...new Set(chain.stages.flatMap((s) => s.registrations))].sort((a, b) => a.range[0] - b.range[0]);
  return [...registrations, ...chain.statements];
}

/**
 * Why the statements that add listeners on the chain's streams' names cannot go away with the
 * chain, or `null`: one adds a listener of another event (whoever listens for `data` or `close` is
 * more than an error handler), or they are not the statements right before the chain in its block
 * (code between them ran with the listeners in place, and an `await` there would let an error
 * reach them before the chain existed). In a `new Promise` executor (`inExecutor`), where the
 * statements may come before or after the chain and add the `finish` or `close` listener that
 * resolves, the executor's layout (`executorDeclarations`) and each listener are judged instead.
 */
function registrationProblem(chain: PipeChain, inExecutor: boolean): string | null {
  if (chain.stages.some((s) => s.listenersInInitializer)) return 'is given listeners where it is made';
  if (inExecutor) return null;
  const statements = statementsOf(chain);
  if (statements.length === chain.statements.length) return null;
  for (const stage of chain.stages) {
    for (const statement of stage.registrations) {
      const events = stage.listeners.filter((l) => statement.range[0] <= l.call.range[0] && l.call.range[1] <= statement.range[1]).map((l) => l.event);
      if (events.some((e) => e !== 'error')) return 'is listened to for more than its errors';
    }
  }
  const first = statements[0];
  const block = first?.parent;
  const body = block && 'body' in block && Array.isArray(block.body) ? (block.body as TSESTree.Node[]) : [];
  const at = first ? body.indexOf(first) : -1;
  if (at < 0 || statements.some((s, i) => body[at + i] !== s)) return 'has listeners added by statements that are not right before the chain';
  return null;
}

/** What keeps any `pipeline` rewrite of the chain from meaning the same, whatever surrounds it: a refused plan, or `null`. */
export function chainProblem(file: AnalysisFile, chain: PipeChain, inExecutor: boolean): Plan | null {
  if (chain.pipeOptions) return refuse('unsupported-option', '`.pipe(dest, options)` passes options (`{ end: false }` keeps the destination open), which `pipeline` does not take.');
  const statement = chain.statements[chain.statements.length - 1];
  if (statement && chain.statements.length > 1) {
    const block = statement.parent;
    const body = block && 'body' in block && Array.isArray(block.body) ? (block.body as TSESTree.Node[]) : [];
    const at = body.indexOf(statement);
    if (chain.statements.some((s, i) => body[at - (chain.statements.length - 1) + i] !== s)) {
      return refuse('code-after-pipe', 'Code runs between the statements that build the chain: it ran while the streams flowed, and would run before they exist.');
    }
  }
  const registrations = registrationProblem(chain, inExecutor);
  for (const stage of chain.stages) {
    if (stage.usedElsewhere || (stage.listenersOutside && registrations)) {
      return refuse('stream-used-elsewhere', `\`${shortStreamText(file, stage.node)}\` is used or listened to outside the chain${registrations && !stage.usedElsewhere ? ` (it ${registrations})` : ''}; \`pipeline\` would take over its errors and end.`);
    }
    const core = skipTransparentWrappers(stage.node);
    if (linkOf(core)?.kind === 'pipe') return refuse('unsupported-call-shape', 'A stream of the chain is itself a `.pipe()` chain.');
    const processStream = stage === chain.stages[0] ? null : processStreamOf(file, core);
    if (processStream && processStream !== 'stdin') {
      return refuse('ends-process-stream', `\`.pipe()\` never ends \`process.${processStream}\`, and \`pipeline\` does: what the program writes to it afterwards would be lost.`);
    }
  }
  return null;
}

/**
 * Whether the chain's last stream emits `close` before `pipeline` settles, so a `close` listener's
 * body can run after the `await`: a catalogued stream `pipeline` waits to close (a file write
 * stream made without `{ autoClose: false }` or `{ emitClose: false }`, `pipelineWaitsForCloseOf`).
 * Its `close` also follows its own error, where the body no longer runs: a change of a `review`
 * plan, for a listener that only learns the file is written.
 */
export function closesAfterPipeline(file: AnalysisFile, chain: PipeChain): boolean {
  const last = chain.stages[chain.stages.length - 1];
  return last !== undefined && pipelineWaitsForCloseOf(file, last.node);
}

/** The words a statement `a.on('error', h);` takes with it when it goes: its stream's name, the method, the handler. */
export function registrationWords(file: AnalysisFile, statement: TSESTree.Statement): string[] {
  return wordsOfText(file.text.slice(statement.range[0], statement.range[1]));
}
