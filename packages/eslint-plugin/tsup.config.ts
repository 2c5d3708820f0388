import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.base';

export default defineConfig({
  ...packageBuild,
  entry: ['src/index.ts'],
  // The entry has only a default export: `require('eslint-plugin-asyncwise')` returns the plugin itself,
  // as CommonJS configs expect, instead of `{ default: plugin }`.
  cjsInterop: true,
  splitting: true,
});
