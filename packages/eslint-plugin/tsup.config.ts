import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'node20',
  // The entry has only a default export: `require('eslint-plugin-asyncwise')` returns the plugin itself,
  // as CommonJS configs expect, instead of `{ default: plugin }`.
  cjsInterop: true,
  splitting: true,
});
