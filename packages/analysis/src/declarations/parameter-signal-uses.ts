/**
 * One fact of a function body that the declaration index keeps after dropping the body: for each
 * parameter, whether the body may use the parameter's `signal`. An options type that declares
 * `signal?: AbortSignal` says what callers may pass, not what the function reads: a config helper
 * that reads three other fields of the same options type takes no signal (langchain's
 * `patchConfig(config, { callbacks, runName }: RunnableConfig)`).
 */
import type { TSESTree } from '@typescript-eslint/types';
import type { SignalPlacement } from '../catalogues/abortable-apis';
import { destructuredSignals, signalPlacementOf } from '../signal-evidence';
import { forEachChild, type VisitorKeys } from '../walk';

type FunctionLike = TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression;

const recorded = new WeakMap<TSESTree.Node, readonly boolean[]>();
const placements = new WeakMap<TSESTree.Node, SignalPlacement>();

/** The name a parameter binds when it is a plain one (`options`, `options = {}`), else null. */
function plainName(param: TSESTree.Parameter): string | null {
  const target = param.type === 'AssignmentPattern' ? param.left : param;
  return target.type === 'Identifier' ? target.name : null;
}

/**
 * For each parameter of `fn`: `false` when its body (nested functions included) uses a plain
 * parameter only through static members other than `signal` (`options.retries`), `true` otherwise
 * — it reads `options.signal`, or passes, spreads, returns or destructures the value, which may take
 * the signal along. A destructured parameter is read from its pattern instead, so it is `true` here.
 * Shadowing is not resolved, which can only make a use seem possible.
 */
export function signalUsesIn(fn: FunctionLike, keys: VisitorKeys): readonly boolean[] {
  return recorded.get(fn) ?? readParameters(fn, keys, false);
}

/** What {@link signalUsesIn} recorded for `fn`, where it was computed before the body was dropped. */
export function recordedSignalUses(fn: TSESTree.Node): readonly boolean[] | undefined {
  return recorded.get(fn);
}

/**
 * Where another module's function takes its signal, as {@link signalPlacementOf} judged it from the
 * function's body while the index still had it ({@link recordSignalFacts}); undefined when nothing
 * showed one (or the body was not read: a module whose text names no `signal`).
 */
export function recordedSignalPlacement(fn: TSESTree.Node): SignalPlacement | undefined {
  return placements.get(fn);
}

/**
 * Reads, once, what the declaration index keeps of a function of another module before dropping its
 * body: {@link signalUsesIn}'s booleans and, when the body shows it, where it takes a signal (the
 * judgement this file's functions get, from the same walk). The walk gives the body's nodes their
 * parents, which the judgement reads and the index's parser does not set.
 */
export function recordSignalFacts(fn: FunctionLike, keys: VisitorKeys): void {
  readParameters(fn, keys, true);
}

/**
 * Whether an identifier's place declares or writes a binding of its name (a nested declaration or
 * parameter, a destructuring target, an assignment): then the parameter's uses cannot be told from
 * the name without a scope manager, and none is counted.
 */
function bindsOrWrites(node: TSESTree.Identifier, parent: TSESTree.Node, grandparent: TSESTree.Node | null): boolean {
  switch (parent.type) {
    case 'VariableDeclarator':
      return parent.id === node;
    case 'FunctionDeclaration':
    case 'FunctionExpression':
    case 'ArrowFunctionExpression':
      return parent.id === node || parent.params.includes(node);
    case 'ClassDeclaration':
    case 'ClassExpression':
      return parent.id === node;
    case 'CatchClause':
      return parent.param === node;
    case 'AssignmentExpression':
    case 'AssignmentPattern':
    case 'ForInStatement':
    case 'ForOfStatement':
      return parent.left === node;
    case 'UpdateExpression':
    case 'ArrayPattern':
    case 'RestElement':
    case 'TSParameterProperty':
      return true;
    case 'Property':
      return parent.value === node && grandparent?.type === 'ObjectPattern';
    case 'TSEnumDeclaration':
    case 'TSModuleDeclaration':
    case 'TSImportEqualsDeclaration':
      return parent.id === node;
    default:
      return false;
  }
}

/** Whether an identifier's place names a property, a key or a label rather than reading a binding. */
function namesNoBinding(node: TSESTree.Identifier, parent: TSESTree.Node | null): boolean {
  if (!parent) return false;
  switch (parent.type) {
    case 'MemberExpression':
      return parent.property === node && !parent.computed;
    case 'Property':
      return parent.key === node && !parent.computed && parent.value !== node;
    case 'MethodDefinition':
    case 'PropertyDefinition':
    case 'AccessorProperty':
    case 'TSAbstractMethodDefinition':
    case 'TSAbstractPropertyDefinition':
    case 'TSAbstractAccessorProperty':
    case 'TSPropertySignature':
    case 'TSMethodSignature':
      return parent.key === node && !parent.computed;
    case 'LabeledStatement':
    case 'BreakStatement':
    case 'ContinueStatement':
      return true;
    case 'MetaProperty':
      return true;
    default:
      return false;
  }
}

/** A node of the walk and the frame of its parent. */
interface Frame {
  readonly node: TSESTree.Node;
  readonly up: Frame | null;
}

/** Sets the parents of a frame's node and its ancestors, up to one that has its parent already. */
function giveParents(frame: Frame): void {
  for (let current: Frame | null = frame; current?.up && !current.node.parent; current = current.up) {
    (current.node as { parent?: TSESTree.Node }).parent = current.up.node;
  }
}

/**
 * The one walk of a function's body behind {@link signalUsesIn} and, with `judge`, the signal
 * placement: for the judgement it collects the reads of each parameter's name (a plain parameter,
 * a destructured `signal`), giving each read and the nodes above it their parents; a name
 * declared again or written in the body, or a `with` statement, leaves the parameter without a
 * binding.
 */
function readParameters(fn: FunctionLike, keys: VisitorKeys, judge: boolean): readonly boolean[] {
  const names = fn.params.map(plainName);
  const uses = fn.params.map((_, i) => names[i] === null);
  const wanted = new Set(names.filter((n): n is string => n !== null));
  const bound = judge ? new Set([...wanted, ...fn.params.flatMap((p) => destructuredSignals(p).map((id) => id.name))]) : wanted;
  const reads = new Map<string, TSESTree.Identifier[]>();
  const unresolved = new Set<string>();
  // Parents are carried along as a chain of frames: another module's nodes, parsed by the index,
  // have none, and only the few above a collected read are given theirs (the judgement reads a
  // read's parent and a few above it).
  const stack: Frame[] = bound.size > 0 ? [{ node: fn.body, up: { node: fn, up: null } }] : [];
  let frame: Frame | undefined;
  while ((frame = stack.pop())) {
    const { node } = frame;
    const parent = frame.up?.node ?? null;
    const here = frame;
    if (judge && node.type === 'WithStatement') for (const name of bound) unresolved.add(name);
    forEachChild(node, keys, (child) => stack.push({ node: child, up: here }));
    if (node.type !== 'Identifier' || !bound.has(node.name)) continue;
    // A property key or a member's name is not a use of the parameter.
    if (namesNoBinding(node, parent)) continue;
    if (judge && parent) {
      if (bindsOrWrites(node, parent, frame.up?.up?.node ?? null)) unresolved.add(node.name);
      else {
        giveParents(frame);
        const found = reads.get(node.name);
        if (found) found.push(node);
        else reads.set(node.name, [node]);
      }
    }
    if (!wanted.has(node.name)) continue;
    let used = true;
    if (parent?.type === 'MemberExpression' && parent.object === node) {
      const property = parent.property;
      const member = !parent.computed && property.type === 'Identifier' ? property.name : property.type === 'Literal' ? String(property.value) : null;
      used = member === null || member === 'signal';
    }
    if (used) for (const [i, name] of names.entries()) if (name === node.name) uses[i] = true;
  }
  recorded.set(fn, uses);
  if (judge) {
    const placement = signalPlacementOf(fn, (target) =>
      unresolved.has(target.name) ? null : { reads: reads.get(target.name) ?? [], reassigned: false, typed: () => 'unknown', declaredAbortSignal: () => false },
    );
    if (placement) placements.set(fn, placement);
  }
  return uses;
}
