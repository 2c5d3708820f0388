import { createRequire } from 'node:module';
import type { TSESTree } from '@typescript-eslint/types';
import { describe, expect, it } from 'vitest';
import { blockingApis, nodeCallbackApis, parseFile, resolveModuleMember, walk } from '../src/index';

const require = createRequire(import.meta.url);
/** A core module's exports, by name without `node:`. */
const core = (name: string) => require(`node:${name}`) as Record<string, unknown>;

/** What the callee of the last call in `code` resolves to. */
function resolveLastCallee(code: string, filePath = 'file.ts') {
  const file = parseFile(code, filePath);
  let callee: TSESTree.Node | null = null;
  walk(file.ast, file.visitorKeys, (node) => {
    if (node.type === 'CallExpression' && !(node.callee.type === 'Identifier' && node.callee.name === 'require')) callee = node.callee;
  });
  if (!callee) throw new Error('no call');
  return resolveModuleMember(file.scopeManager, callee);
}

describe('resolveModuleMember', () => {
  it.each([
    ["import fs from 'node:fs';\nfs.readFileSync(p);", ['readFileSync']],
    ["import * as fs from 'fs';\nfs.readFileSync(p);", ['readFileSync']],
    ["import { readFileSync as read } from 'node:fs';\nread(p);", ['readFileSync']],
    ["import fs = require('fs');\nfs.readFileSync(p);", ['readFileSync']],
    ["const fs = require('fs');\nfs['readFileSync'](p);", ['readFileSync']],
    ["const { readFileSync } = require('node:fs');\nreadFileSync(p);", ['readFileSync']],
    ["require('fs').readFileSync(p);", ['readFileSync']],
    ["const readFileSync = require('fs').readFileSync;\nreadFileSync(p);", ['readFileSync']],
    ["import fs from 'fs';\nfs.promises.readFile(p);", ['promises', 'readFile']],
    ["const { promises: fsp } = require('fs');\nfsp.readFile(p);", ['promises', 'readFile']],
    ["const fsp = require('fs').promises;\nfsp.readFile(p);", ['promises', 'readFile']],
  ])('%s', (code, path) => {
    expect(resolveLastCallee(code)).toEqual({ module: 'fs', path });
  });

  it.each([
    // A name alone resolves to nothing.
    'readFileSync(p);',
    'Effect.runSync(p);',
    // Shadowed, reassigned, or from somewhere that is not a module.
    "import fs from 'fs';\nfunction f(fs) { fs.readFileSync(p); }",
    "let fs = require('fs');\nfs = other;\nfs.readFileSync(p);",
    "const fs = make('fs');\nfs.readFileSync(p);",
    "const fs = require(name);\nfs.readFileSync(p);",
    "const fs = require('fs');\nfs[name](p);",
  ])('resolves nothing: %s', (code) => {
    expect(resolveLastCallee(code)).toBeNull();
  });

  it('keeps the specifier of other packages as written, so fs-extra is not fs', () => {
    expect(resolveLastCallee("import fse from 'fs-extra';\nfse.readFileSync(p);")).toEqual({ module: 'fs-extra', path: ['readFileSync'] });
  });
});

describe('the catalogues name what Node has', () => {
  it.each(blockingApis.map((api) => [api.module ?? api.object, api.name, api] as const))('%s.%s exists, and so does its twin', (_m, _n, api) => {
    const owner = (api.module === null ? (globalThis as Record<string, unknown>)[api.object ?? ''] : core(api.module)) as Record<string, unknown>;
    expect(typeof owner[api.name]).toBe('function');
    const twin = api.twin;
    if (twin === null) return;
    if (twin.kind === 'member') {
      expect(typeof core(twin.module)[twin.member]).toBe('function');
      if (twin.viaModuleObject && api.module) expect(core(api.module)[twin.viaModuleObject]).toBe(core(twin.module));
    } else if (twin.kind === 'promisify') {
      expect(typeof core(twin.module)[twin.member]).toBe('function');
    } else {
      expect(typeof ((globalThis as Record<string, unknown>)[twin.object] as Record<string, unknown>)[twin.member]).toBe('function');
    }
  });

  it.each(nodeCallbackApis.filter((api) => !api.receiver).map((api) => [api.module, api.name, api] as const))('%s.%s exists, and so does its twin', (_m, _n, api) => {
    expect(typeof core(api.module)[api.name]).toBe('function');
    const twin = api.twin;
    if (twin.kind === 'member' || twin.kind === 'promisify') expect(typeof core(twin.module)[twin.member]).toBe('function');
  });

  it('zlib and crypto twins give the value of the sync call (the catalogue says sameValue)', async () => {
    const { promisify } = await import('node:util');
    const zlib = await import('node:zlib');
    const crypto = await import('node:crypto');
    const body = Buffer.from('asyncwise'.repeat(10));
    expect(await promisify(zlib.gzip)(body)).toEqual(zlib.gzipSync(body));
    expect(await promisify(crypto.scrypt)('pw', 'salt', 16)).toEqual(crypto.scryptSync('pw', 'salt', 16));
    expect(await promisify(crypto.pbkdf2)('pw', 'salt', 1, 16, 'sha256')).toEqual(crypto.pbkdf2Sync('pw', 'salt', 1, 16, 'sha256'));
  });
});
