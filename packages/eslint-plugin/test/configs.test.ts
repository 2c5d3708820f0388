import { describe, expect, it } from 'vitest';
import plugin from '../src/index';

describe('configs', () => {
  const ruleIds = Object.keys(plugin.rules).map((name) => `asyncwise/${name}`);

  it('all enables every rule', () => {
    expect(Object.keys(plugin.configs.all.rules ?? {}).sort()).toEqual([...ruleIds].sort());
  });

  it('recommended holds exactly the recommended rules that need no types', () => {
    const expected = Object.entries(plugin.rules)
      .filter(([, rule]) => rule.meta.docs?.recommended && !rule.meta.docs.requiresTypeChecking)
      .map(([name]) => `asyncwise/${name}`);
    expect(Object.keys(plugin.configs.recommended.rules ?? {}).sort()).toEqual(expected.sort());
    expect(expected).toContain('asyncwise/prefer-promise-all');
  });

  it('strict holds the recommended rules and those marked strict, and nothing in recommended is marked strict', () => {
    const expected = Object.entries(plugin.rules)
      .filter(([, rule]) => rule.meta.docs?.recommended || rule.meta.docs?.strict)
      .map(([name]) => `asyncwise/${name}`);
    expect(Object.keys(plugin.configs.strict.rules ?? {}).sort()).toEqual(expected.sort());
    expect(expected).toContain('asyncwise/require-timeout');
    expect(Object.keys(plugin.configs.recommended.rules ?? {})).not.toContain('asyncwise/require-timeout');
    for (const [name, rule] of Object.entries(plugin.rules)) expect(rule.meta.docs?.recommended && rule.meta.docs.strict, name).toBeFalsy();
  });

  it('every config registers the plugin under the asyncwise prefix and has a name', () => {
    for (const [name, config] of Object.entries(plugin.configs)) {
      expect(config.name).toBe(`asyncwise/${name}`);
      expect(config.plugins?.asyncwise).toBe(plugin);
    }
  });

  it('every rule is complete: docs, messages, schema with descriptions, default options', () => {
    for (const [name, rule] of Object.entries(plugin.rules)) {
      expect(rule.meta.docs?.description, name).not.toMatch(/\.$/);
      const schema = rule.meta.schema as unknown as readonly { properties?: Record<string, { description?: string }> }[];
      // A rule without options has no defaults (eslint-plugin's require-meta-default-options forbids them).
      if (schema.length > 0) expect(rule.meta.defaultOptions, name).toBeDefined();
      else expect(rule.meta.defaultOptions, name).toBeUndefined();
      for (const [option, spec] of Object.entries(schema[0]?.properties ?? {})) {
        expect(spec.description, `${name}.${option}`).toBeTruthy();
      }
    }
  });

  it('names itself for ESLint caches', () => {
    expect(plugin.meta.name).toBe('eslint-plugin-asyncwise');
    expect(plugin.meta.version).toMatch(/^\d+\.\d+\.\d+/);
  });
});

describe('promise-compat', () => {
  it("mirrors eslint-plugin-promise's recommended: each of its rules with a twin, at the same severity", async () => {
    const { createRequire } = await import('node:module');
    const promise = createRequire(import.meta.url)('eslint-plugin-promise') as { configs: { 'flat/recommended': { rules: Record<string, string> } } };
    const expected: Record<string, string> = {};
    for (const [id, severity] of Object.entries(promise.configs['flat/recommended'].rules)) {
      const name = id.replace(/^promise\//, '');
      if (severity !== 'off' && name in plugin.rules) expected[`asyncwise/${name}`] = severity;
    }
    expect(plugin.configs['promise-compat'].rules).toEqual(expected);
  });
});
