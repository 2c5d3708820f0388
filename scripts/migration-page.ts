import { type MigrationRow, migrationTable, peerPlugins, type PeerPlugin } from '../packages/eslint-plugin/src/migration';
import plugin from '../packages/eslint-plugin/src/index';

type Rule = (typeof plugin.rules)[keyof typeof plugin.rules];

/** What the twin offers, read from its `meta`: in which config, fix, suggestions, types. */
function twinTraits(rule: Rule): string {
  const docs = rule.meta.docs;
  return [
    docs?.recommended ? '✅' : '',
    rule.meta.fixable ? '🔧' : '',
    rule.meta.hasSuggestions ? '💡' : '',
    docs?.requiresTypeChecking ? '💭' : '',
  ].join('');
}

function cell(entry: MigrationRow): { asyncwise: string; notes: string } {
  const mapping = entry.asyncwise;
  if ('twin' in mapping) {
    const rule = plugin.rules[mapping.twin];
    const missing = Object.entries((mapping as { missingOptions?: Record<string, string> }).missingOptions ?? {}).map(
      ([option, why]) => `option \`${option}\` not accepted: ${why}`,
    );
    const notes = [(mapping as { note?: string }).note, ...missing].filter(Boolean).join('; ');
    return { asyncwise: `[\`${mapping.twin}\`](rules/${mapping.twin}.md) ${twinTraits(rule)}`.trimEnd(), notes };
  }
  if ('planned' in mapping) {
    return { asyncwise: `not covered yet (\`${mapping.planned}\` is planned)`, notes: (mapping as { note?: string }).note ?? '' };
  }
  return { asyncwise: 'not covered', notes: mapping.notCovered };
}

/** The page's table: one section per peer plugin, one row per peer rule. */
export function migrationTableMarkdown(): string {
  const sections = (Object.keys(peerPlugins) as PeerPlugin[]).map((key) => {
    const peer = peerPlugins[key];
    const rows = migrationTable
      .filter((entry) => entry.plugin === key)
      .map((entry) => {
        const { asyncwise, notes } = cell(entry);
        return `| \`${peer.prefix}${entry.rule}\` | ${asyncwise} | ${notes} |`;
      });
    return [`### ${peer.title}`, '', '| Rule | asyncwise | Notes |', '| --- | --- | --- |', ...rows].join('\n');
  });
  return ['✅ in `recommended` · 🔧 autofix · 💡 suggestions · 💭 needs type information', '', ...sections.flatMap((s) => [s, ''])]
    .join('\n')
    .trimEnd();
}

/**
 * The flat-config block that turns each covered peer rule off and its twin on. Rules of a plugin
 * must be turned off where that plugin is loaded (ESLint rejects a rule of an unknown plugin even
 * when it is `off`), so the block lists the peers apart and the page says to keep only the lines of
 * the plugins a project uses.
 */
export function migrationConfigMarkdown(): string {
  const lines: string[] = [
    '```js',
    "import asyncwise from 'eslint-plugin-asyncwise';",
    '',
    'export default [',
    '  // … your existing configs, including the ones that load the plugins below',
    '  {',
    '    plugins: { asyncwise },',
    '    rules: {',
  ];
  const twins = new Set<string>();
  for (const key of Object.keys(peerPlugins) as PeerPlugin[]) {
    const covered = migrationTable.filter((entry) => entry.plugin === key && 'twin' in entry.asyncwise);
    if (covered.length === 0) continue;
    lines.push(`      // ${peerPlugins[key].title}`);
    for (const entry of covered) {
      lines.push(`      '${peerPlugins[key].prefix}${entry.rule}': 'off',`);
      if ('twin' in entry.asyncwise) twins.add(entry.asyncwise.twin);
    }
  }
  lines.push('      // asyncwise');
  for (const twin of [...twins].sort()) lines.push(`      'asyncwise/${twin}': 'error',`);
  lines.push('    },', '  },', '];', '```');
  return lines.join('\n');
}
