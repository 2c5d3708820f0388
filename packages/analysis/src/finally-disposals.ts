/**
 * `try { … } finally { await x.close() }` around a catalogued resource whose `Symbol.asyncDispose`
 * is exactly that release: `await using x = …` says the same in one line. asyncio's
 * `async with open(p) as f:` is the shape; the `try/finally` is its long hand.
 *
 * A `try` is a candidate when its `finally` releases a catalogued resource (`resourceApis`) by the
 * entry's `disposeMethod` (`FileHandle#close`) or by `[Symbol.asyncDispose]()` itself. It is planned
 * only where the rewrite keeps the disposal where it was:
 * - the resources are `const` declarations of the awaited acquisition, the statements just before
 *   the `try`, in its block, inside an `async` function;
 * - the `finally` is those releases and nothing else, each `await`ed, unconditional, in the reverse
 *   order of the declarations (the order `await using` disposes in);
 * - nothing after the `try` reads a resource (it would be disposed later than it was closed);
 * - the project can compile or run `await using` (disposal-target.ts).
 * When the `try` ends its block the `try` goes (its body joins the block, or its `catch` stays);
 * otherwise the declarations and the `try`'s body become a block of their own, so the disposal
 * still happens where the `finally` ran. Every other candidate is refused with a named reason.
 *
 * One judgement behind the rule `prefer-await-using` (which reports the planned ones) and the codemod
 * `finally-to-await-using` (which applies them and lists the refused ones).
 */
import type { Variable } from '@typescript-eslint/scope-manager';
import type { TSESTree } from '@typescript-eslint/types';
import { type ResourceApi, resourceApis } from './catalogues/resource-apis';
import { type Plan, type RefusalReason, refusedPlan } from './edits';
import type { AnalysisFile } from './file';
import { checkedPlan } from './invariant';
import { canReindent, indentUnitOf, lineEndingOf, lineIndent, reindent } from './layout';
import { staticPropertyName } from './modules';
import { resourceApiAt } from './resource-calls';
import { findVariable, innermostScope, isBuiltinGlobal } from './scope';
import { isFunctionNode, skipTransparentWrappers, walk, nearestFunctionOf } from './walk';
import { PerFile } from './per-file';

export interface FinallyDisposal {
  /** The first release call of the `finally`: where the rule reports and the codemod lists the change. */
  readonly node: TSESTree.CallExpression;
  readonly try: TSESTree.TryStatement;
  /** The resources released, in the `finally`'s order: their names and catalogue entries. */
  readonly resources: readonly { readonly name: string; readonly api: ResourceApi }[];
  /** `await using` in place of the declarations and the `finally` (review), or refused with the reason. */
  readonly plan: Plan;
}

export interface FinallyDisposalOptions {
  /** Whether the project can compile or run `await using` (disposal-target.ts); every plan is refused otherwise. */
  readonly awaitUsing?: boolean;
}

const cache = new PerFile<Map<boolean, readonly FinallyDisposal[]>>();

/** A quoted specifier of a module some entry comes from (`fs.promises` is reached through `'fs'`). */
const catalogueSpecifier = new RegExp(
  `['"\`](?:node:)?(?:${[...new Set((resourceApis as readonly ResourceApi[]).flatMap((api) => [api.acquire.module, api.acquire.module.split('/')[0] ?? '']))]
    .map((m) => m.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
    .join('|')})['"\`]`,
);

/** A release found in a `finally`: the call, its variable, the entry, and whether it is the exact dispose. */
interface Release {
  readonly call: TSESTree.CallExpression;
  readonly variable: Variable;
  readonly api: ResourceApi;
  /** The acquiring declaration (`const x = await open(p)`), or null when the resource is assigned elsewhere. */
  readonly declaration: TSESTree.VariableDeclaration | null;
}

/** `x.close()` or `x[Symbol.asyncDispose]()`, with `x` a name: the receiver and whether the call is the dispose itself. */
function releaseCallShape(file: AnalysisFile, call: TSESTree.CallExpression): { object: TSESTree.Identifier; method: string; dispose: boolean } | null {
  const callee = call.callee;
  if (callee.type !== 'MemberExpression' || callee.object.type !== 'Identifier' || call.arguments.length > 0) return null;
  if (callee.computed) {
    const property = callee.property;
    if (
      property.type === 'MemberExpression' &&
      !property.computed &&
      property.object.type === 'Identifier' &&
      property.object.name === 'Symbol' &&
      property.property.type === 'Identifier' &&
      property.property.name === 'asyncDispose' &&
      isBuiltinGlobal(file.scopeManager, property, 'Symbol')
    ) {
      return { object: callee.object, method: 'asyncDispose', dispose: true };
    }
    return null;
  }
  const name = staticPropertyName(callee);
  return name === null ? null : { object: callee.object, method: name, dispose: false };
}

/** The catalogued acquisition `expression` is (`await open(p)`, or the call itself for a resource not awaited). */
function acquisitionOf(file: AnalysisFile, expression: TSESTree.Expression): ResourceApi | undefined {
  const core = skipTransparentWrappers(expression);
  const awaited = core.type === 'AwaitExpression';
  const call = awaited ? skipTransparentWrappers(core.argument) : core;
  if (call.type !== 'CallExpression' && call.type !== 'NewExpression') return undefined;
  const api = resourceApiAt(file, call);
  return api && api.awaited === awaited ? api : undefined;
}

/** The release `call` is, when its receiver holds a catalogued resource released exactly by disposal. */
function releaseOf(file: AnalysisFile, call: TSESTree.CallExpression): Release | null {
  const shape = releaseCallShape(file, call);
  if (!shape) return null;
  const variable = findVariable(innermostScope(file.scopeManager, shape.object), shape.object.name);
  if (!variable || variable.defs.length !== 1) return null;
  const writes = variable.references.filter((r) => r.isWrite());
  const [write] = writes;
  if (writes.length !== 1 || !write?.writeExpr) return null;
  const api = acquisitionOf(file, write.writeExpr as TSESTree.Expression);
  if (!api?.asyncDispose) return null;
  if (!shape.dispose && shape.method !== api.disposeMethod) return null;
  const def = variable.defs[0];
  const declarator = def?.type === 'Variable' ? def.node : null;
  const declaration = declarator && declarator.init === write.writeExpr && declarator.parent.type === 'VariableDeclaration' ? declarator.parent : null;
  return { call, variable, api, declaration };
}

const refuse = (reason: RefusalReason, message: string): Plan => refusedPlan({ reason, message });

/**
 * The release as a statement of the `finally` itself (`await x.close();`), or why it is not one:
 * not awaited, nested in a condition or an optional call (`conditional`), or part of a larger
 * expression (`wrapped`: `await x.close().catch(() => {})` swallows what `await using` would throw).
 */
function releaseStatementOf(release: Release, finalizer: TSESTree.BlockStatement): TSESTree.ExpressionStatement | 'not-awaited' | 'conditional' | 'wrapped' {
  // `x?.close()` on a `const` bound to the acquisition: the resource is never nullish, so the `?.` decides nothing.
  const optional = release.call.parent?.type === 'ChainExpression' ? release.call.parent : null;
  if (optional && release.declaration?.kind !== 'const') return 'conditional';
  const node: TSESTree.Node = optional ?? release.call;
  const parent = node.parent;
  if (parent?.type === 'ExpressionStatement' && parent.parent === finalizer) return 'not-awaited';
  // `void x.close();`: a statement of the finally that does not wait.
  if (parent?.type === 'UnaryExpression' && parent.operator === 'void' && parent.parent?.type === 'ExpressionStatement' && parent.parent.parent === finalizer) return 'not-awaited';
  if (parent?.type === 'AwaitExpression' && parent.parent?.type === 'ExpressionStatement' && parent.parent.parent === finalizer) return parent.parent;
  for (let current: TSESTree.Node | undefined = parent; current && current !== finalizer; current = current.parent) {
    switch (current.type) {
      case 'IfStatement':
      case 'ConditionalExpression':
      case 'LogicalExpression':
      case 'SwitchStatement':
      case 'ChainExpression':
      case 'TryStatement':
      case 'WhileStatement':
      case 'DoWhileStatement':
      case 'ForStatement':
      case 'ForInStatement':
      case 'ForOfStatement':
        return 'conditional';
      default:
        break;
    }
  }
  return 'wrapped';
}

/** The names the statements declare at their own level. */
function declaredNames(statements: readonly TSESTree.Node[]): Set<string> {
  const names = new Set<string>();
  const patternKeys = { Identifier: [], ObjectPattern: ['properties'], ArrayPattern: ['elements'], Property: ['value'], RestElement: ['argument'], AssignmentPattern: ['left'] };
  for (const statement of statements) {
    if (statement.type === 'VariableDeclaration' && statement.kind !== 'var') {
      for (const declarator of statement.declarations) {
        walk(declarator.id, patternKeys, (n) => {
          if (n.type === 'Identifier') names.add(n.name);
          return true;
        });
      }
    } else if ((statement.type === 'FunctionDeclaration' || statement.type === 'ClassDeclaration') && statement.id) {
      names.add(statement.id.name);
    }
  }
  return names;
}

/** Whether an identifier named one of `names` occurs in `nodes` outside `except`. */
function mentionsOutside(file: AnalysisFile, nodes: readonly TSESTree.Node[], names: ReadonlySet<string>, except: TSESTree.Node): boolean {
  if (names.size === 0) return false;
  let found = false;
  for (const node of nodes) {
    walk(node, file.visitorKeys, (n) => {
      if (found || n === except) return false;
      if (n.type === 'Identifier' && names.has(n.name)) found = true;
      return !found;
    });
  }
  return found;
}

/**
 * What binds names in the scope of `list` itself: a function body shares it with the parameters, a
 * `catch` body with the caught binding; a `let` of the same name there is a redeclaration.
 */
function headBindingsOf(list: TSESTree.BlockStatement): TSESTree.Node[] {
  const owner = list.parent;
  if (owner && isFunctionNode(owner) && owner.body === list) return [...owner.params];
  if (owner?.type === 'CatchClause' && owner.body === list && owner.param) return [owner.param];
  return [];
}

function hasMultiLineComment(file: AnalysisFile, start: number, end: number): boolean {
  return file.comments.some((c) => c.range[0] >= start && c.range[1] <= end && file.text.slice(c.range[0], c.range[1]).includes('\n'));
}

function hasComment(file: AnalysisFile, start: number, end: number): boolean {
  return file.comments.some((c) => c.range[0] >= start && c.range[1] <= end);
}

/** `text` with one `unit` less after every line break that is followed by `indent + unit`. */
function dedent(text: string, indent: string, unit: string): string {
  return text.split('\n').map((line, i) => (i > 0 && line.startsWith(indent + unit) ? indent + line.slice(indent.length + unit.length) : line)).join('\n');
}

function plan(file: AnalysisFile, tryStatement: TSESTree.TryStatement, releases: readonly Release[], options: FinallyDisposalOptions): Plan {
  const finalizer = tryStatement.finalizer;
  if (!finalizer) return refuse('unsupported-call-shape', 'The `try` has no `finally`.');
  const list = tryStatement.parent;
  if (list?.type !== 'BlockStatement') return refuse('unsupported-call-shape', '`await using` is declared in a block; this `try` is a statement of a module, a script or a `switch` case.');
  const fn = nearestFunctionOf(tryStatement);
  if (!fn || !('async' in fn) || !fn.async) return refuse('not-awaitable-here', '`await using` needs an `async` function, and this `try` is not in one.');
  // The declarations are the statements just before the try.
  const declarations = releases.map((r) => r.declaration);
  const at = list.body.indexOf(tryStatement);
  const before = list.body.slice(Math.max(0, at - releases.length), at);
  if (
    declarations.some((d) => d === null || d.kind !== 'const' || d.declarations.length !== 1 || !before.includes(d)) ||
    before.length !== releases.length
  ) {
    return refuse('not-acquired-just-before', 'The resources are not `const` declarations standing just before the `try`; `await using` would dispose them at another point than the `finally` releases them.');
  }
  // The finally is the releases and nothing else, each its own awaited statement.
  const statements: TSESTree.ExpressionStatement[] = [];
  for (const release of releases) {
    const statement = releaseStatementOf(release, finalizer);
    if (statement === 'wrapped') return refuse('finally-does-more', `\`${release.variable.name}\`'s release is part of a larger expression (a \`.catch()\` that swallows its error, say), which \`await using\` would not do.`);
    if (statement === 'conditional') return refuse('released-conditionally', `\`${release.variable.name}\` is released only on some paths of the \`finally\` (inside a condition or an optional call); \`await using\` always disposes it.`);
    if (statement === 'not-awaited') return refuse('release-not-awaited', `\`${release.variable.name}\`'s release is not awaited; \`await using\` waits for the disposal, so the function would end later and a failing release would reject it.`);
    statements.push(statement);
  }
  if (finalizer.body.length !== statements.length || new Set(releases.map((r) => r.variable)).size !== releases.length) {
    return refuse('finally-does-more', 'The `finally` does more than release the resources; only a `finally` that is exactly their releases can become `await using`.');
  }
  // await using disposes in the reverse order of the declarations.
  const byPosition = [...declarations].sort((a, b) => (a?.range[0] ?? -1) - (b?.range[0] ?? -1));
  if (byPosition.some((d, i) => d !== declarations[declarations.length - 1 - i])) {
    return refuse('release-order-changes', '`await using` disposes in the reverse order of the declarations, and this `finally` releases them in another order.');
  }
  const after = list.body.slice(at + 1);
  const usedAfter = releases.find((r) => r.variable.references.some((ref) => ref.identifier.range[0] >= tryStatement.range[1]));
  if (usedAfter) return refuse('resource-used-after', `\`${usedAfter.variable.name}\` is read after the \`try\`, where it is closed today; with \`await using\` it would be disposed only when the block ends.`);
  if (!options.awaitUsing) {
    return refuse(
      'target-lacks-await-using',
      'The project does not show that it can compile or run `await using` (TypeScript ≥ 5.2 with `esnext` or `esnext.disposable` in `lib`, or `engines.node` ≥ 24).',
    );
  }
  if (hasComment(file, finalizer.range[0], finalizer.range[1])) return refuse('would-drop-comment', 'A comment in the `finally` would be dropped with it.');
  const decls = byPosition as TSESTree.VariableDeclaration[];
  const first = decls[0];
  const last = decls[decls.length - 1];
  if (!first || !last) return refuse('unsupported-call-shape', 'Nothing is declared.');
  const { text } = file;
  // `const` → `await using` in each declaration; the text between them is kept as it is.
  let declText = '';
  for (const [i, d] of decls.entries()) {
    declText += `await using${text.slice(d.range[0] + 'const'.length, d.range[1])}`;
    const next = decls[i + 1];
    if (next) declText += text.slice(d.range[1], next.range[0]);
  }
  const gap = text.slice(last.range[1], tryStatement.range[0]);
  if (hasComment(file, last.range[1], tryStatement.range[0])) return refuse('would-drop-comment', 'A comment between the declarations and the `try` has no place in the rewrite.');
  const indent = lineIndent(text, first.range[0]);
  const unit = indentUnitOf(file);
  const block = tryStatement.block;
  const handler = tryStatement.handler;
  const endsBlock = after.length === 0;
  let replacement: string;
  const innerStart = block.range[0] + 1;
  const innerEnd = block.range[1] - 1;
  const inner = text.slice(innerStart, innerEnd).trimEnd();
  const bodyNames = declaredNames(block.body);
  // Either form puts the declarations in one scope with the body's: an acquisition that reads a name the body declares would read it in its dead zone.
  if (mentionsOutside(file, decls, bodyNames, tryStatement)) {
    return refuse('name-taken', 'The `try` body declares a name the acquisition reads; in one block with it, the acquisition would read the body\'s binding before it is set.');
  }
  const outerStatements = list.body.filter((s) => s !== tryStatement);
  // The body may join the block only where its names meet nothing else of the block.
  const canUnwrap =
    handler === null &&
    block.body.length > 0 &&
    block.body.every((s) => canReindent(s, file)) &&
    !hasMultiLineComment(file, innerStart, innerEnd) &&
    !mentionsOutside(file, outerStatements, bodyNames, tryStatement) &&
    !mentionsOutside(file, headBindingsOf(list), bodyNames, tryStatement);
  if (endsBlock && handler !== null) {
    // try { … } catch { … }: the finally goes, the catch stays; disposal follows the catch as before.
    replacement = `${declText}${gap}${text.slice(tryStatement.range[0], handler.range[1])}`;
  } else if (endsBlock && canUnwrap) {
    // The try's body joins the block, one level less indented.
    replacement = `${declText}${gap}${dedent(text.slice(innerStart, innerEnd).trim(), indent, unit)}`;
  } else {
    // A block of its own, so the disposal happens where the finally ran, before what follows.
    if (!decls.every((d) => canReindent(d, file)) || hasMultiLineComment(file, first.range[0], last.range[1])) {
      return refuse('unsupported-call-shape', 'A declaration spans lines in a way that cannot be indented into a block of its own.');
    }
    const lineBreak = lineEndingOf(file);
    if (handler === null) {
      replacement = `{${lineBreak}${indent}${unit}${reindent(declText, unit)}${inner}${lineBreak}${indent}}`;
    } else {
      if (!canReindent(tryStatement, file) || hasMultiLineComment(file, tryStatement.range[0], tryStatement.range[1])) {
        return refuse('unsupported-call-shape', 'The `try` cannot be indented into a block of its own (a string, template or comment spans lines).');
      }
      const tryCatch = text.slice(tryStatement.range[0], handler.range[1]);
      const keep = file.comments
        .filter((c) => c.range[0] >= tryStatement.range[0] && c.range[1] <= handler.range[1])
        .map((c) => [c.range[0] - tryStatement.range[0], c.range[1] - tryStatement.range[0]] as const);
      replacement = `{${lineBreak}${indent}${unit}${reindent(declText, unit)}${lineBreak}${indent}${unit}${reindent(tryCatch, unit, keep)}${lineBreak}${indent}}`;
    }
  }
  const releaseWords = statements.flatMap((s) => text.slice(s.range[0], s.range[1]).split(/[^\w$]+/).filter((w) => w !== ''));
  return checkedPlan(file, 'review', [{ range: [first.range[0], tryStatement.range[1]], text: replacement }], {
    owned: [...decls, tryStatement],
    vocabulary: { added: ['await', 'using'], removed: ['const', 'try', 'finally', ...releaseWords] },
  });
}

/**
 * The `try/finally` statements of `file` whose `finally` releases a catalogued resource exactly as
 * its `Symbol.asyncDispose` would, each with its `await using` plan or the reason it is refused.
 * Cached per file and target answer.
 */
export function findFinallyDisposals(file: AnalysisFile, options: FinallyDisposalOptions = {}): readonly FinallyDisposal[] {
  const awaitUsing = options.awaitUsing ?? false;
  let byTarget = cache.get(file);
  const cached = byTarget?.get(awaitUsing);
  if (cached) return cached;
  const found: FinallyDisposal[] = [];
  // A text test first: no `finally`, or none of the catalogued modules, and there is nothing to find.
  if (file.text.includes('finally') && catalogueSpecifier.test(file.text)) {
    walk(file.ast, file.visitorKeys, (node) => {
      if (node.type !== 'TryStatement' || !node.finalizer) return true;
      const releases: Release[] = [];
      walk(node.finalizer, file.visitorKeys, (n) => {
        if (isFunctionNode(n)) return false;
        if (n.type === 'CallExpression') {
          const release = releaseOf(file, n);
          if (release) releases.push(release);
        }
        return true;
      });
      const [head] = releases;
      if (head) {
        found.push({
          node: head.call,
          try: node,
          resources: releases.map((r) => ({ name: r.variable.name, api: r.api })),
          plan: plan(file, node, releases, { awaitUsing }),
        });
      }
      return true;
    });
  }
  if (!byTarget) cache.set(file, (byTarget = new Map<boolean, readonly FinallyDisposal[]>()));
  byTarget.set(awaitUsing, found);
  return found;
}
