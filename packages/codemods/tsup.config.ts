import { readdirSync } from 'node:fs';
import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.base';

// Every transform module is an entry of its own, found on disk: no list to keep by hand.
const transforms = Object.fromEntries(
  readdirSync('src/transforms')
    .filter((file) => file.endsWith('.ts'))
    .map((file) => [`transforms/${file.slice(0, -3)}`, `src/transforms/${file}`]),
);

export default defineConfig([
  {
    // The library and every transform. The object form of `entry` keeps `transforms/` in dist, so
    // `jscodeshift -t dist/transforms/<name>.cjs` and the `./transforms/*` export both resolve.
    entry: { index: 'src/index.ts', worker: 'src/worker.ts', ...transforms },
    ...packageBuild,
    // `new URL('./worker.js', import.meta.url)` finds the worker from the CommonJS build too.
    shims: true,
    clean: ['!cli.*'],
  },
  {
    // What the `asyncwise` bin (bin/asyncwise.js, committed so that it can be linked before a build) imports.
    entry: { cli: 'src/cli.ts' },
    ...packageBuild,
    format: ['esm'],
    dts: false,
    clean: false,
  },
]);
