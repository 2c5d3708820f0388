import { createRequire } from 'node:module';
import type { TSESTree } from '@typescript-eslint/types';
import type * as TsApiUtils from 'ts-api-utils';
import type * as ts from 'typescript';
import type { Tri } from '../tri';
import type { TypeOracle } from './type-oracle';

/**
 * The part of typescript-eslint's parser services the oracle needs. ESLint rules get it from
 * `context.sourceCode.parserServices`; codemods get it from typescript-estree's
 * `parseAndGenerateServices` with a project.
 */
export interface TypedParserServices {
  readonly program: ts.Program;
  readonly esTreeNodeToTSNodeMap: { get(node: TSESTree.Node): ts.Node | undefined };
}

/**
 * TypeScript and ts-api-utils, loaded only when a typed oracle is made: a host with a type checker
 * has loaded TypeScript already, and one without never needs it.
 */
let loaded: { ts: typeof ts; tsutils: typeof TsApiUtils; vague: number } | undefined;
function typescriptRuntime(): { ts: typeof ts; tsutils: typeof TsApiUtils; vague: number } {
  if (loaded) return loaded;
  const require = createRequire(import.meta.url);
  const typescript = require('typescript') as typeof ts;
  const flags = typescript.TypeFlags;
  loaded = {
    ts: typescript,
    tsutils: require('ts-api-utils') as typeof TsApiUtils,
    vague: flags.Any | flags.Unknown | flags.TypeParameter | flags.Never,
  };
  return loaded;
}

/**
 * Answers from the type checker. Where the checker knows nothing (`any`, `unknown`, an unconstrained
 * type parameter) it defers to `fallback`, normally the syntax oracle, so types only ever add precision.
 */
export class ParserServicesOracle implements TypeOracle {
  readonly source = 'types' as const;
  private readonly checker: ts.TypeChecker;
  private readonly runtime = typescriptRuntime();

  constructor(
    private readonly services: TypedParserServices,
    private readonly fallback: TypeOracle,
  ) {
    this.checker = services.program.getTypeChecker();
  }

  isPromiseLike(node: TSESTree.Expression): Tri {
    const tsNode = this.services.esTreeNodeToTSNodeMap.get(node);
    if (!tsNode) return this.fallback.isPromiseLike(node);
    const type = this.checker.getTypeAtLocation(tsNode);
    if (this.runtime.tsutils.isThenableType(this.checker, tsNode, type)) return 'yes';
    const constraint = this.checker.getBaseConstraintOfType(type) ?? type;
    const vague = (constraint.isUnion() ? constraint.types : [constraint]).some((t) => (t.flags & this.runtime.vague) !== 0);
    return vague ? this.fallback.isPromiseLike(node) : 'no';
  }
}
