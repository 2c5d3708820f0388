import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.base';

export default defineConfig({
  ...packageBuild,
  entry: ['src/index.ts'],
  // `import.meta.url` (for the lazy `createRequire`) in the CommonJS build too.
  shims: true,
  // js-tokens ships only ESM; bundled (it is one small file), so the CommonJS build that jscodeshift
  // and CommonJS configs `require` needs no require(esm) from Node.
  noExternal: ['js-tokens'],
});
