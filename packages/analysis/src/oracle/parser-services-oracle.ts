import type { TSESTree } from '@typescript-eslint/types';
import { isThenableType } from 'ts-api-utils';
import * as ts from 'typescript';
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

const VAGUE = ts.TypeFlags.Any | ts.TypeFlags.Unknown | ts.TypeFlags.TypeParameter | ts.TypeFlags.Never;

/**
 * Answers from the type checker. Where the checker knows nothing (`any`, `unknown`, an unconstrained
 * type parameter) it defers to `fallback`, normally the syntax oracle, so types only ever add precision.
 */
export class ParserServicesOracle implements TypeOracle {
  readonly source = 'types' as const;
  private readonly checker: ts.TypeChecker;

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
    if (isThenableType(this.checker, tsNode, type)) return 'yes';
    const constraint = this.checker.getBaseConstraintOfType(type) ?? type;
    const vague = (constraint.isUnion() ? constraint.types : [constraint]).some((t) => (t.flags & VAGUE) !== 0);
    return vague ? this.fallback.isPromiseLike(node) : 'no';
  }
}
