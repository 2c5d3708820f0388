/**
 * What a class's own methods do to their instance, read from the method bodies of the file: which
 * members each one reads and writes through `this`, and which of the class's methods it calls on
 * `this`, followed through those calls.
 *
 * Two awaited calls of one object's methods look independent by their names (`this.getShardIds()`,
 * `this.fetchGatewayInformation()`: two reads), but a lazy getter fills a cache the other reads, or
 * calls the other: started together, both miss the cache and fetch twice. The bodies say so.
 *
 * ```ts
 * class Manager {
 *   async fetchInfo() {
 *     if (this.info) return this.info;
 *     return (this.info = await load());
 *   }
 *   async getIds() {
 *     const info = await this.fetchInfo(); // getIds reaches fetchInfo: they share `this.info`
 *     return range(info.count);
 *   }
 * }
 * ```
 *
 * A method the file does not show (inherited from a base class elsewhere, added at run time) has no
 * footprint: nothing is known, and callers keep their other judgements.
 */
import type { TSESTree } from '@typescript-eslint/types';
import type { AnalysisFile } from './file';
import { walk } from './walk';

/** The instance members a call of a method reaches, through the methods it calls on `this`. */
export interface InstanceFootprint {
  /** The methods run: the one called and every method of the class it calls on `this`, transitively. */
  readonly methods: ReadonlySet<string>;
  /** Members read through `this` (`this.cache`, `this.cache.get(k)`), by name; `*` for a computed one. */
  readonly reads: ReadonlySet<string>;
  /** Members written through `this`: assigned, updated, deleted, or changed through a method (`this.cache.set(k, v)`). */
  readonly writes: ReadonlySet<string>;
}

type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;
type MethodFunction = TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression | TSESTree.TSEmptyBodyFunctionExpression;

interface DirectFootprint {
  readonly reads: Set<string>;
  readonly writes: Set<string>;
  readonly calls: Set<string>;
}

interface ClassMethods {
  /** Each method's own footprint, by name and whether it is static. */
  readonly direct: Map<string, DirectFootprint>;
  /** Footprints followed through calls, computed on first use. */
  readonly closed: Map<string, InstanceFootprint>;
}

/** Methods that change their receiver: a call of one on `this.x` writes `x`. */
const mutatingMethods: ReadonlySet<string> = new Set([
  'set', 'delete', 'clear', 'add', 'push', 'pop', 'shift', 'unshift', 'splice', 'sort', 'reverse', 'fill', 'copyWithin', 'ensure',
]);

const cache = new WeakMap<ClassNode, { instance: ClassMethods; static: ClassMethods }>();

/**
 * What `call` reaches of its object when it is `this.m(…)` (or `this.#m(…)`) inside a method (or an
 * arrow field) of a class whose body, in this file, declares `m` as a method or a function-valued
 * field of the same kind (static or not); `null` for any other call, or a method the file does not show.
 */
export function instanceFootprintOf(file: AnalysisFile, call: TSESTree.CallExpression | TSESTree.NewExpression): InstanceFootprint | null {
  if (call.type !== 'CallExpression' || call.callee.type !== 'MemberExpression' || call.callee.object.type !== 'ThisExpression') return null;
  const name = memberName(call.callee);
  if (name === null || name === '*') return null;
  const owner = thisOwnerOf(call);
  if (owner === null) return null;
  const methods = classMethodsOf(file, owner.classNode)[owner.isStatic ? 'static' : 'instance'];
  return closedFootprint(methods, name);
}

/** Whether an earlier call's footprint and a later one's can be seen by each other: one runs the other, or one writes what the other reads or writes. */
export function footprintsMeet(a: InstanceFootprint, b: InstanceFootprint): boolean {
  for (const method of a.methods) if (b.methods.has(method)) return true;
  return touches(a.writes, b.reads) || touches(a.writes, b.writes) || touches(b.writes, a.reads);
}

/** Folds `b` into `a`: what a run of several calls reaches. */
export function mergeFootprints(a: InstanceFootprint | null, b: InstanceFootprint): InstanceFootprint {
  if (a === null) return b;
  return {
    methods: new Set([...a.methods, ...b.methods]),
    reads: new Set([...a.reads, ...b.reads]),
    writes: new Set([...a.writes, ...b.writes]),
  };
}

function touches(writes: ReadonlySet<string>, other: ReadonlySet<string>): boolean {
  if (writes.size === 0 || other.size === 0) return false;
  if (writes.has('*') || other.has('*')) return true;
  for (const member of writes) if (other.has(member)) return true;
  return false;
}

/** `x` of `this.x`, `#x` of `this.#x`, the string of `this['x']`; `*` for any other computed member. */
function memberName(node: TSESTree.MemberExpression): string | null {
  if (!node.computed) {
    if (node.property.type === 'Identifier') return node.property.name;
    if (node.property.type === 'PrivateIdentifier') return `#${node.property.name}`;
    return null;
  }
  return node.property.type === 'Literal' && typeof node.property.value === 'string' ? node.property.value : '*';
}

/**
 * The class whose instance (or, in a static member, whose constructor) `this` at `node` is: through
 * arrows to the nearest method, accessor, constructor or field initialiser of a class body.
 */
function thisOwnerOf(node: TSESTree.Node): { classNode: ClassNode; isStatic: boolean } | null {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === 'ArrowFunctionExpression') continue;
    if (current.type === 'FunctionExpression' || current.type === 'FunctionDeclaration') {
      const member = current.parent;
      if (current.type === 'FunctionExpression' && (member?.type === 'MethodDefinition' || member?.type === 'PropertyDefinition')) {
        return ownerOfMember(member);
      }
      return null;
    }
    if (current.type === 'PropertyDefinition' || current.type === 'StaticBlock') return ownerOfMember(current);
    if (current.type === 'ClassBody' || current.type === 'Program') return null;
  }
  return null;
}

function ownerOfMember(member: TSESTree.MethodDefinition | TSESTree.PropertyDefinition | TSESTree.StaticBlock): { classNode: ClassNode; isStatic: boolean } | null {
  const body = member.parent;
  if (body?.type !== 'ClassBody') return null;
  const classNode = body.parent;
  if (classNode?.type !== 'ClassDeclaration' && classNode?.type !== 'ClassExpression') return null;
  return { classNode, isStatic: member.type === 'StaticBlock' || member.static };
}

function classMethodsOf(file: AnalysisFile, classNode: ClassNode): { instance: ClassMethods; static: ClassMethods } {
  const cached = cache.get(classNode);
  if (cached) return cached;
  const methodsOfKind = (): ClassMethods => ({ direct: new Map<string, DirectFootprint>(), closed: new Map<string, InstanceFootprint>() });
  const result = { instance: methodsOfKind(), static: methodsOfKind() };
  for (const member of classNode.body.body) {
    if (member.type !== 'MethodDefinition' && member.type !== 'PropertyDefinition') continue;
    if (member.type === 'MethodDefinition' && member.kind !== 'method') continue;
    const name = member.key.type === 'PrivateIdentifier' ? `#${member.key.name}` : member.computed ? null : member.key.type === 'Identifier' ? member.key.name : null;
    const fn: MethodFunction | null =
      member.type === 'MethodDefinition'
        ? member.value
        : member.value?.type === 'ArrowFunctionExpression' || member.value?.type === 'FunctionExpression'
          ? member.value
          : null;
    if (name === null || fn === null) continue;
    const methods = member.static ? result.static : result.instance;
    // Overloads and a name declared twice: the footprint of every body.
    const footprint = methods.direct.get(name) ?? { reads: new Set<string>(), writes: new Set<string>(), calls: new Set<string>() };
    methods.direct.set(name, footprint);
    if (fn.body) readBody(file, fn.body, footprint);
  }
  cache.set(classNode, result);
  return result;
}

/** Reads a method body's uses of `this`, through its arrows but not into functions or classes of its own. */
function readBody(file: AnalysisFile, body: TSESTree.Node, footprint: DirectFootprint): void {
  walk(body, file.visitorKeys, (node) => {
    if (node.type === 'FunctionExpression' || node.type === 'FunctionDeclaration' || node.type === 'ClassBody') return false;
    if (node.type !== 'MemberExpression' || node.object.type !== 'ThisExpression') return true;
    const name = memberName(node);
    if (name === null) return true;
    const parent = node.parent;
    if (parent.type === 'CallExpression' && parent.callee === node) {
      footprint.calls.add(name);
      return true;
    }
    footprint.reads.add(name);
    if (isWritten(node)) footprint.writes.add(name);
    return true;
  });
}

/** Whether `this.x` is written where it stands: assigned or updated (also through a member chain), deleted, or its contents changed by a mutating method. */
function isWritten(member: TSESTree.MemberExpression): boolean {
  let node: TSESTree.Node = member;
  for (let parent = node.parent; parent; node = parent, parent = parent.parent) {
    if (parent.type === 'AssignmentExpression') return parent.left === node;
    if (parent.type === 'UpdateExpression') return true;
    if (parent.type === 'UnaryExpression') return parent.operator === 'delete';
    if ((parent.type === 'ArrayPattern' || parent.type === 'Property' || parent.type === 'RestElement' || parent.type === 'AssignmentPattern') && isPatternTarget(parent)) return true;
    if (parent.type === 'TSNonNullExpression' || parent.type === 'TSAsExpression' || parent.type === 'ChainExpression') continue;
    if (parent.type !== 'MemberExpression' || parent.object !== node) return false;
    const call = parent.parent;
    const method = memberName(parent);
    if (call?.type === 'CallExpression' && call.callee === parent && method !== null && mutatingMethods.has(method)) return true;
  }
  return false;
}

/** Whether a pattern node is (part of) the left side of an assignment or a `for…of` head. */
function isPatternTarget(node: TSESTree.Node): boolean {
  let current: TSESTree.Node = node;
  for (let parent = current.parent; parent; current = parent, parent = parent.parent) {
    if (parent.type === 'AssignmentExpression') return parent.left === current;
    if (parent.type === 'ForOfStatement' || parent.type === 'ForInStatement') return parent.left === current;
    if (parent.type !== 'ArrayPattern' && parent.type !== 'ObjectPattern' && parent.type !== 'Property' && parent.type !== 'AssignmentPattern' && parent.type !== 'RestElement') {
      return false;
    }
  }
  return false;
}

function closedFootprint(methods: ClassMethods, name: string): InstanceFootprint | null {
  const known = methods.closed.get(name);
  if (known) return known;
  if (!methods.direct.has(name)) return null;
  const reached = new Set<string>();
  const reads = new Set<string>();
  const writes = new Set<string>();
  const pending = [name];
  while (pending.length > 0) {
    const next = pending.pop() as string;
    if (reached.has(next)) continue;
    reached.add(next);
    const direct = methods.direct.get(next);
    if (!direct) continue;
    for (const member of direct.reads) reads.add(member);
    for (const member of direct.writes) writes.add(member);
    for (const callee of direct.calls) if (!reached.has(callee)) pending.push(callee);
  }
  const footprint: InstanceFootprint = { methods: reached, reads, writes };
  methods.closed.set(name, footprint);
  return footprint;
}
