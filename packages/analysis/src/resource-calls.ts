/**
 * Which calls acquire a catalogued resource (`resourceApis`). A module function or class is matched
 * through every import and `require` form (modules.ts, with `fs.promises` read as `fs/promises`); a
 * pool method (`pool.connect()`) only on a binding that never changes and was made by the catalogued
 * maker (`const pool = new Pool()` with `Pool` from `pg`). A name alone never matches: your own
 * `open`, `connect` or `acquire` is not one of these.
 */
import type { TSESTree } from '@typescript-eslint/types';
import { canonicalModuleMember } from './abortable-calls';
import { resourceAcquireNames, type ResourceApi, resourceApiOf, resourceMethodOf } from './catalogues/resource-apis';
import type { AnalysisFile } from './file';
import { resolveModuleMember, staticPropertyName } from './modules';
import { constantInitializer, findVariable, innermostScope } from './scope';
import { skipTransparentWrappers } from './walk';

/** The module member a callee names, with aliases followed, when it is one name deep (`open`, `fsp.open`, `fs.promises.open`). */
function moduleFunctionOf(file: AnalysisFile, callee: TSESTree.Node): { module: string; name: string } | null {
  const member = resolveModuleMember(file.scopeManager, callee);
  if (!member) return null;
  const canonical = canonicalModuleMember(member);
  const path = canonical.path[0] === 'default' ? canonical.path.slice(1) : canonical.path;
  const [name] = path;
  return path.length === 1 && name !== undefined ? { module: canonical.module, name } : null;
}

/**
 * The catalogued maker `object` was made by (`new Pool()` from `pg`), read from its one unchanging
 * initialiser; or, for a parameter never reassigned, from its declared type: `pool: Pool` with `Pool`
 * imported from `pg` is an instance of that class, as `new Pool()` would make.
 */
function makerOf(file: AnalysisFile, object: TSESTree.Identifier): { module: string; name: string; constructed: boolean } | null {
  const variable = findVariable(innermostScope(file.scopeManager, object), object.name);
  const def = variable?.defs[0];
  if (variable && def?.type === 'Parameter' && variable.defs.length === 1 && variable.references.every((r) => !r.isWrite())) {
    const annotation = def.name.type === 'Identifier' ? def.name.typeAnnotation?.typeAnnotation : undefined;
    if (annotation?.type !== 'TSTypeReference' || annotation.typeName.type !== 'Identifier') return null;
    const declared = moduleFunctionOf(file, annotation.typeName);
    return declared ? { ...declared, constructed: true } : null;
  }
  const init = variable ? constantInitializer(variable) : null;
  if (!init) return null;
  const core = skipTransparentWrappers(init);
  if (core.type !== 'NewExpression' && core.type !== 'CallExpression') return null;
  const maker = moduleFunctionOf(file, core.callee);
  return maker ? { ...maker, constructed: core.type === 'NewExpression' } : null;
}

/** The catalogued resource `node` acquires, or `undefined`. A cheap name test comes first. */
export function resourceApiAt(file: AnalysisFile, node: TSESTree.CallExpression | TSESTree.NewExpression): ResourceApi | undefined {
  const callee = skipTransparentWrappers(node.callee);
  const name = callee.type === 'Identifier' ? callee.name : callee.type === 'MemberExpression' ? staticPropertyName(callee) : null;
  // A member's name is the API's; an identifier may be a renamed import (`open as openFile`).
  if (name === null || (callee.type === 'MemberExpression' && !resourceAcquireNames.has(name))) return undefined;
  const constructed = node.type === 'NewExpression';
  if (callee.type === 'MemberExpression' && !constructed && callee.object.type === 'Identifier') {
    const maker = makerOf(file, callee.object);
    if (maker) {
      const api = resourceMethodOf(maker.module, maker.name, maker.constructed, name);
      if (api) {
        const max = api.acquire.kind === 'method' ? api.acquire.maxArguments : undefined;
        return max === undefined || node.arguments.length <= max ? api : undefined;
      }
    }
  }
  const found = moduleFunctionOf(file, callee);
  return found ? resourceApiOf(found.module, found.name, constructed) : undefined;
}
