import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.base';

export default defineConfig({
  ...packageBuild,
  entry: ['src/index.ts'],
  // `import.meta.url` (for the lazy `createRequire`) in the CommonJS build too.
  shims: true,
});
