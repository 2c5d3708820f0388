import { findFloatingPromise, type FloatingSuggestionKind, type TypeOrValueSpecifier } from '@asyncwise/analysis';
import type { JSONSchema4 } from '@typescript-eslint/utils/json-schema';
import { analysisFileFor } from '../analysis-file';
import { createRule } from '../create-rule';
import { getSuggestions } from '../fix-or-suggest';

export type Options = [
  {
    ignoreVoid?: boolean;
    ignoreIIFE?: boolean;
    checkThenables?: boolean;
    allowForKnownSafeCalls?: TypeOrValueSpecifier[];
    allowForKnownSafePromises?: TypeOrValueSpecifier[];
    allowTestRunnerCalls?: boolean;
  },
];
export type MessageIds =
  | 'floating'
  | 'floatingVoid'
  | 'floatingUselessRejectionHandler'
  | 'floatingUselessRejectionHandlerVoid'
  | 'floatingPromiseArray'
  | 'floatingPromiseArrayVoid'
  | 'floatingFixVoid'
  | 'floatingFixAwait'
  | 'floatingFixCatch';

// typescript-eslint's messages word for word, so searches and docs that quote them still match.
const messageBase = 'Promises must be awaited, end with a call to .catch, or end with a call to .then with a rejection handler.';
const messageBaseVoid =
  'Promises must be awaited, end with a call to .catch, end with a call to .then with a rejection handler or be explicitly marked as ignored with the `void` operator.';
const messageRejectionHandler = 'A rejection handler that is not a function will be ignored.';

/** typescript-eslint's `TypeOrValueSpecifier` schema, so a config moves over unchanged. */
const specifierSchema: JSONSchema4 = {
  type: 'array',
  items: {
    oneOf: [
      { type: 'string' },
      {
        type: 'object',
        properties: {
          from: { type: 'string', enum: ['file'] },
          name: { oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' }, minItems: 1, uniqueItems: true }] },
          path: { type: 'string' },
        },
        required: ['from', 'name'],
        additionalProperties: false,
      },
      {
        type: 'object',
        properties: {
          from: { type: 'string', enum: ['lib'] },
          name: { oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' }, minItems: 1, uniqueItems: true }] },
        },
        required: ['from', 'name'],
        additionalProperties: false,
      },
      {
        type: 'object',
        properties: {
          from: { type: 'string', enum: ['package'] },
          name: { oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' }, minItems: 1, uniqueItems: true }] },
          package: { type: 'string' },
        },
        required: ['from', 'name', 'package'],
        additionalProperties: false,
      },
    ],
  },
};

const suggestionMessage: Record<FloatingSuggestionKind, MessageIds> = {
  void: 'floatingFixVoid',
  await: 'floatingFixAwait',
  catch: 'floatingFixCatch',
};

export default createRule<Options, MessageIds>({
  name: 'no-floating-promises',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require promise-like statements to be handled appropriately',
      recommended: true,
      requiresTypeChecking: false,
    },
    hasSuggestions: true,
    messages: {
      floating: messageBase,
      floatingVoid: messageBaseVoid,
      floatingUselessRejectionHandler: `${messageBase} ${messageRejectionHandler}`,
      floatingUselessRejectionHandlerVoid: `${messageBaseVoid} ${messageRejectionHandler}`,
      floatingPromiseArray:
        'An array of Promises may be unintentional. Consider handling the promises\' fulfillment or rejection with Promise.all or similar.',
      floatingPromiseArrayVoid:
        'An array of Promises may be unintentional. Consider handling the promises\' fulfillment or rejection with Promise.all or similar, or explicitly marking the expression as ignored with the `void` operator.',
      floatingFixVoid: 'Add void operator to ignore (a rejection is then still unhandled).',
      floatingFixAwait: 'Add await operator (the function then waits here, and a rejection throws here).',
      floatingFixCatch: 'Handle the rejection with `.catch` (logs it with console.error; put your own handler there).',
    },
    schema: [
      {
        type: 'object',
        properties: {
          allowForKnownSafeCalls: { ...specifierSchema, description: 'Calls whose promises may float: the callee matches one of these specifiers.' },
          allowForKnownSafePromises: {
            ...specifierSchema,
            description: 'Promise types that may float: the declared type matches one of these specifiers.',
          },
          checkThenables: { type: 'boolean', description: 'Also report thenables that are not built-in promises.' },
          ignoreIIFE: { type: 'boolean', description: 'Do not report async IIFEs at statement level.' },
          ignoreVoid: { type: 'boolean', description: 'Accept `void` as marking a promise deliberately ignored.' },
          allowTestRunnerCalls: {
            type: 'boolean',
            description: "Do not report test runners' `describe`/`it`/`test`/`suite` and hooks, whose promises the runner awaits.",
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [
      {
        allowForKnownSafeCalls: [],
        allowForKnownSafePromises: [],
        checkThenables: false,
        ignoreIIFE: false,
        ignoreVoid: true,
        allowTestRunnerCalls: true,
      },
    ],
  },
  create(context, [options]) {
    return {
      ExpressionStatement(node) {
        const finding = findFloatingPromise(analysisFileFor(context), node, options);
        if (!finding) return;
        const withVoid = options.ignoreVoid !== false;
        const messageId: MessageIds =
          finding.kind === 'promise-array'
            ? withVoid
              ? 'floatingPromiseArrayVoid'
              : 'floatingPromiseArray'
            : finding.kind === 'non-function-handler'
              ? withVoid
                ? 'floatingUselessRejectionHandlerVoid'
                : 'floatingUselessRejectionHandler'
              : withVoid
                ? 'floatingVoid'
                : 'floating';
        context.report({
          node,
          messageId,
          ...getSuggestions(finding.suggestions.map((s) => ({ plan: s.plan, messageId: suggestionMessage[s.kind] }))),
        });
      },
    };
  },
});
