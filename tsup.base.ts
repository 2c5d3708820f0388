import type { Options } from 'tsup';

/** What every package's build shares: ESM for `import`, CommonJS for `require`, types for both. */
export const packageBuild = {
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'node20',
} satisfies Options;
