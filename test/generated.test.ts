import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import plugin from 'eslint-plugin-asyncwise';
import { generatedFiles } from '../scripts/generate';
import { oxlintPresetPath } from '../scripts/rules-table';

const root = path.join(import.meta.dirname, '..');

describe('generated files (run `pnpm generate` to update)', () => {
  it.each(Object.entries(generatedFiles()))('%s is up to date', (file, content) => {
    expect(readFileSync(path.join(root, file), 'utf8')).toBe(content);
  });

  it('the oxlint preset holds exactly the rules of configs.recommended, loaded by package name', () => {
    const preset = JSON.parse(readFileSync(path.join(root, oxlintPresetPath), 'utf8')) as {
      jsPlugins: string[];
      rules: Record<string, unknown>;
    };
    expect(preset.jsPlugins).toEqual(['eslint-plugin-asyncwise']);
    expect(preset.rules).toEqual(plugin.configs.recommended.rules);
    expect(Object.keys(preset.rules)).toContain('asyncwise/prefer-promise-all');
  });

  it('the preset ships in the package', () => {
    const manifest = JSON.parse(readFileSync(path.join(root, 'packages/eslint-plugin/package.json'), 'utf8')) as {
      files: string[];
      exports: Record<string, unknown>;
    };
    expect(manifest.files).toContain('oxlint');
    expect(manifest.exports['./oxlint/recommended.json']).toBe('./oxlint/recommended.json');
  });
});
