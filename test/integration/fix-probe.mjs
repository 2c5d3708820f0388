// A test-only plugin with an autofix, loaded into both ESLint and oxlint by the oxlint parity test, so
// its `--fix` comparison has fixes to compare (asyncwise's own rules offer suggestions only, today).
// Its fixes nest (an await inside an await) and overlap (`id` inside a wrapped await), which is where
// hosts could differ in which fixes one pass applies.
export default {
  meta: { name: 'fix-probe' },
  rules: {
    fix: {
      meta: {
        type: 'suggestion',
        fixable: 'code',
        messages: { wrap: 'Parenthesise this await.', rename: 'Rename id to key.' },
        schema: [],
      },
      create(context) {
        const { sourceCode } = context;
        return {
          AwaitExpression(node) {
            context.report({ node, messageId: 'wrap', fix: (fixer) => fixer.replaceText(node, `(${sourceCode.getText(node)})`) });
          },
          'Identifier[name="id"]'(node) {
            context.report({ node, messageId: 'rename', fix: (fixer) => fixer.replaceText(node, 'key') });
          },
        };
      },
    },
  },
};
