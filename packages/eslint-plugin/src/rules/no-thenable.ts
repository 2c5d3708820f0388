import {
  findThenAssignment,
  findThenClassMember,
  findThenDefinitions,
  findThenExports,
  findThenProperties,
  type ThenMember,
} from '@asyncwise/analysis';
import { analysisFileFor } from '../analysis-file';
import { createRule } from '../create-rule';

export type Options = [];
export type MessageIds = 'thenableObject' | 'thenableExport' | 'thenableClass';

const messageIds = { object: 'thenableObject', export: 'thenableExport', class: 'thenableClass' } as const;

export default createRule<Options, MessageIds>({
  name: 'no-thenable',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow `then` property',
      // Not in `recommended`: a deliberate thenable (a query builder, a lazy promise) is a design some libraries choose.
      recommended: false,
      requiresTypeChecking: false,
    },
    // eslint-plugin-unicorn's messages word for word.
    messages: {
      thenableObject: 'Do not add `then` to an object.',
      thenableExport: 'Do not export `then`.',
      thenableClass: 'Do not add `then` to a class.',
    },
    schema: [],
  },
  create(context) {
    const file = () => analysisFileFor(context);
    const report = (found: ThenMember | null | readonly ThenMember[]) => {
      const members: readonly ThenMember[] = found === null ? [] : 'kind' in found ? [found] : found;
      for (const member of members) context.report({ node: member.node, messageId: messageIds[member.kind] });
    };
    return {
      ObjectExpression: (node) => report(findThenProperties(file(), node)),
      PropertyDefinition: (node) => report(findThenClassMember(file(), node)),
      MethodDefinition: (node) => report(findThenClassMember(file(), node)),
      AssignmentExpression: (node) => report(findThenAssignment(file(), node)),
      CallExpression: (node) => report(findThenDefinitions(file(), node)),
      ExportNamedDeclaration: (node) => report(findThenExports(file(), node)),
    };
  },
});
