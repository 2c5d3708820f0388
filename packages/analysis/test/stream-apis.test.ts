// The nodeStreamApis catalogue is what shows a `.pipe()` chain to be Node's; each entry is made here
// for real, as the table says (called or constructed), and must be a stream of its kind.
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Stream } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { findPipeChains, type NodeStreamApi, nodeStreamApis, parseFile } from '../src/index';

const require = createRequire(import.meta.url);
const dir = mkdtempSync(path.join(tmpdir(), 'asyncwise-streams-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const key = Buffer.alloc(16, 1);
/** Arguments each maker needs to make a stream at all, by `module.path`. */
const argumentsOf: Record<string, readonly unknown[]> = {
  'fs.createReadStream': [__filename],
  'fs.createWriteStream': [path.join(dir, 'out.txt')],
  'crypto.createHash': ['sha256'],
  'crypto.createHmac': ['sha256', 'secret'],
  'crypto.createCipheriv': ['aes-128-cbc', key, key],
  'crypto.createDecipheriv': ['aes-128-cbc', key, key],
  'net.connect': [{ host: '127.0.0.1', port: 1 }],
  'net.createConnection': [{ host: '127.0.0.1', port: 1 }],
  'tls.connect': [{ host: '127.0.0.1', port: 1 }],
  'http.request': [{ host: '127.0.0.1', port: 1 }],
  'https.request': [{ host: '127.0.0.1', port: 1 }],
  'stream.Readable.from': [['a']],
  'stream.Duplex.from': [async function* (source: AsyncIterable<unknown>) { for await (const chunk of source) yield chunk; }],
};

function make(api: NodeStreamApi): Stream {
  let target: unknown = require(`node:${api.module}`);
  for (const part of api.path) target = (target as Record<string, unknown>)[part];
  const args = argumentsOf[`${api.module}.${api.path.join('.')}`] ?? [];
  const maker = target as (...a: unknown[]) => Stream;
  const made = api.maker === 'call' ? maker(...args) : new (target as new (...a: unknown[]) => Stream)(...args);
  made.on('error', () => {});
  return made;
}

describe('nodeStreamApis', () => {
  it.each((nodeStreamApis as readonly NodeStreamApi[]).map((api) => [`${api.module}.${api.path.join('.')}`, api] as const))('%s makes a Node stream of its kind', (_name, api) => {
    const made = make(api) as Stream & { read?: unknown; write?: unknown; end?: unknown; destroy?: () => void };
    try {
      expect(made).toBeInstanceOf(Stream);
      if (api.kind !== 'writable') expect(typeof made.read).toBe('function');
      if (api.kind !== 'readable') expect([typeof made.write, typeof made.end]).toEqual(['function', 'function']);
    } finally {
      made.destroy?.();
    }
  });

  it('shows a chain through every import and require form, never through the name pipe', () => {
    const chains = (code: string, name = 'file.ts') => findPipeChains(parseFile(code, name)).reported.length;
    expect(chains("import { createGzip } from 'node:zlib';\nexport async function f(a: NodeJS.ReadableStream) {\n  a.pipe(createGzip());\n}")).toBe(1);
    expect(chains("const zlib = require('zlib');\nasync function f(a) {\n  a.pipe(zlib.createGzip());\n}", 'file.cjs')).toBe(1);
    expect(chains("import * as stream from 'stream';\nexport async function f(a: NodeJS.ReadableStream) {\n  a.pipe(new stream.PassThrough());\n}")).toBe(1);
    expect(chains("const { Readable } = require('node:stream');\nasync function f(b) {\n  Readable.from(['x']).pipe(b);\n}", 'file.cjs')).toBe(1);
    expect(chains('export async function f(a: { pipe(x: unknown): unknown }, b: unknown) {\n  a.pipe(b);\n}')).toBe(0);
    expect(chains("const zlib = require('zlib');\nfunction createGzip() { return { pipe: () => 0 }; }\ncreateGzip().pipe(zlib);", 'file.cjs')).toBe(0);
  });
});
