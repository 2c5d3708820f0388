import { defineConfig } from 'tsup';

export default defineConfig([
  {
    // The library and every transform. The object form of `entry` keeps `transforms/` in dist, so
    // `jscodeshift -t dist/transforms/<name>.cjs` and the `./transforms/*` export both resolve.
    entry: {
      index: 'src/index.ts',
      'transforms/sequential-to-concurrent': 'src/transforms/sequential-to-concurrent.ts',
    },
    format: ['esm', 'cjs'],
    dts: true,
    clean: ['!cli.*'],
    sourcemap: true,
    target: 'node20',
  },
  {
    // The `asyncwise` bin: the only file with the shebang.
    entry: { cli: 'src/cli.ts' },
    format: ['esm'],
    dts: false,
    clean: false,
    sourcemap: true,
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
  },
]);
