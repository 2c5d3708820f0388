import { codemods, projectCodemods } from '../packages/codemods/src/registry';
import plugin from '../packages/eslint-plugin/src/index';

/** The README's rule table, one row per rule, from `meta` alone. */
export function rulesTable(): string {
  const rows = Object.entries(plugin.rules)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, rule]) => {
      const docs = rule.meta.docs;
      const marks = [
        docs?.recommended ? '✅' : docs?.strict ? '🔒' : '',
        rule.meta.fixable ? '🔧' : '',
        rule.meta.hasSuggestions ? '💡' : '',
        docs?.requiresTypeChecking ? '💭' : '',
      ].join('');
      return `| [${name}](docs/rules/${name}.md) | ${docs?.description ?? ''} | ${marks} |`;
    });
  return [
    '✅ in `recommended` · 🔒 in `strict` only · 🔧 autofix · 💡 suggestions · 💭 needs type information',
    '',
    '| Rule | Description | |',
    '| --- | --- | --- |',
    ...rows,
  ].join('\n');
}

/** The README's codemod table, from the transform registry. */
export function codemodsTable(): string {
  const rows = [...codemods, ...projectCodemods]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((c) => `| [${c.name}](${c.docsPath}) | ${c.description} | ${c.levels.map((l) => `\`${l}\``).join(', ')} |`);
  return ['| Codemod | What it does | Levels |', '| --- | --- | --- |', ...rows].join('\n');
}

/** Where the shipped oxlint preset lives, and how a project's `.oxlintrc.json` extends it. */
export const oxlintPresetPath = 'packages/eslint-plugin/oxlint/recommended.json';

/**
 * The oxlint preset: the rules of `configs.recommended` (recommended and needing no types, since
 * oxlint gives rules none), loaded through oxlint's `jsPlugins`. Generated, so it cannot drift.
 */
export function oxlintPreset(): string {
  const preset = {
    jsPlugins: ['eslint-plugin-asyncwise'],
    rules: plugin.configs.recommended.rules,
  };
  return `${JSON.stringify(preset, null, 2)}\n`;
}
