/**
 * What a class extends and implements, as the declaration index reads it: each base a name and its
 * instance shape, read only when asked. Shared by the judgements that compare a class member with the
 * member it overrides or implements (an async method where the base declares `void`).
 */
import type { TSESTree } from '@typescript-eslint/types';
import { moduleIndex } from './module-index';
import type { Shape } from './shape';
import type { DeclarationSpace } from './space';

export interface HeritageType {
  /** The base's name as written (`Base`, `Listener`). */
  readonly name: string;
  /** The shape of the base's instances: an implemented interface's members, an extended class's prototype. */
  readonly shape: () => Shape;
}

/** The bases of a class named by plain identifiers (`extends Base`, `implements Listener`); others are not read. */
export function heritageOf(node: TSESTree.ClassDeclaration | TSESTree.ClassExpression, space: DeclarationSpace): HeritageType[] {
  const heritage: HeritageType[] = [];
  const reader = moduleIndex.shapes;
  for (const implemented of node.implements ?? []) {
    if (implemented.expression.type !== 'Identifier') continue;
    const name = implemented.expression.name;
    heritage.push({
      name,
      shape: () => {
        const binding = space.type(name, implemented);
        return binding ? reader.exported(binding, space, 'type', 0) : { kind: 'unknown' };
      },
    });
  }
  if (node.superClass?.type === 'Identifier') {
    const superClass = node.superClass;
    heritage.push({
      name: superClass.name,
      shape: () => {
        const statics = reader.expression(superClass, space);
        return statics.kind === 'object' && statics.construct ? statics.construct() : { kind: 'unknown' };
      },
    });
  }
  return heritage;
}
