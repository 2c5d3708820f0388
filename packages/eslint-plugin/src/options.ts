import type { JSONSchema4 } from '@typescript-eslint/utils/json-schema';

/**
 * The schema of a rule's `testFiles` option: path globs of files the rule leaves alone.
 * @param what the files and why they are left alone, e.g. "test files, which are left alone: …".
 */
export function testFilesOption(what: string): JSONSchema4 {
  return {
    type: 'array',
    items: { type: 'string' },
    uniqueItems: true,
    description: `Path globs (relative to the working directory) of ${what}. \`[]\` turns this off.`,
  };
}
