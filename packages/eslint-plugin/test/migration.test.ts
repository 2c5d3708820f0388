import { createRequire } from 'node:module';
import { builtinRules } from 'eslint/use-at-your-own-risk';
import unicorn from 'eslint-plugin-unicorn';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index';
import { migrationTable, type PeerPlugin } from '../src/migration';

const require = createRequire(import.meta.url);
const promise = require('eslint-plugin-promise') as { rules: Record<string, PeerRule> };

interface PeerRule {
  meta?: { schema?: unknown };
}

/** The peers installed in this repo, so their rules and schemas can be checked; eslint-plugin-n is not. */
const installedPeers: Partial<Record<PeerPlugin, (name: string) => PeerRule | undefined>> = {
  eslint: (name) => builtinRules.get(name),
  'typescript-eslint': (name) => (tseslint.plugin as unknown as { rules: Record<string, PeerRule | undefined> }).rules[name],
  promise: (name) => promise.rules[name],
  unicorn: (name) => (unicorn.rules as Record<string, PeerRule | undefined>)[name],
};

/** The option names of a rule whose options are one object (every rule the table names). */
function optionNames(schema: unknown): string[] {
  const first = (Array.isArray(schema) ? schema[0] : schema) as { properties?: Record<string, unknown> } | undefined;
  return Object.keys(first?.properties ?? {});
}

const ruleNames = new Set(Object.keys(plugin.rules));

describe('the migration table', () => {
  it('names each peer rule once', () => {
    const keys = migrationTable.map((row) => `${row.plugin}/${row.rule}`);
    expect(keys.length).toBe(new Set(keys).size);
  });

  it.each(migrationTable.map((row) => [`${row.plugin}/${row.rule}`, row] as const))('%s', (_key, row) => {
    const mapping = row.asyncwise;
    if ('twin' in mapping) {
      // The twin is a rule of the plugin with a documented meta.
      expect(ruleNames).toContain(mapping.twin);
      const twin = plugin.rules[mapping.twin];
      expect(twin.meta.docs?.url).toMatch(new RegExp(`/docs/rules/${mapping.twin}\\.md$`));
      const peer = installedPeers[row.plugin];
      if (peer) {
        // Every option of the peer rule is accepted by the twin under the same name, or listed as not accepted.
        const peerRule = peer(row.rule);
        expect(peerRule, `${row.plugin} has no rule ${row.rule}`).toBeDefined();
        const ours = new Set(optionNames(twin.meta.schema));
        const missing = optionNames(peerRule?.meta?.schema).filter((option) => !ours.has(option));
        expect(missing.sort()).toEqual(Object.keys('missingOptions' in mapping ? (mapping.missingOptions ?? {}) : {}).sort());
      }
    } else {
      if ('planned' in mapping) {
        // Once a planned rule lands, its rows must become twins.
        expect(ruleNames).not.toContain(mapping.planned);
      }
      const peer = installedPeers[row.plugin];
      if (peer) expect(peer(row.rule), `${row.plugin} has no rule ${row.rule}`).toBeDefined();
    }
  });

  it('lists every rule of eslint-plugin-promise (all of them are about async code)', () => {
    const listed = migrationTable.filter((row) => row.plugin === 'promise').map((row) => row.rule);
    expect(listed.sort()).toEqual(Object.keys(promise.rules).sort());
  });
});
