import { describe, expect, it } from 'vitest';
import { decodeSource, encodeSource, firstInvalidUtf8Offset } from '../src/source-text';

const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));

describe('decodeSource', () => {
  it('keeps a UTF-8 byte-order mark in the text, so that writing the text back writes it again', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('const é = "ü";\n')]);
    const decoded = decodeSource(bytes);
    expect(decoded).toEqual({ ok: true, text: '\uFEFFconst é = "ü";\n' });
    if (decoded.ok) expect(new Uint8Array(encodeSource(decoded.text))).toEqual(bytes);
  });

  it('says where a Latin-1 file stops being UTF-8, and what to do', () => {
    const bytes = new Uint8Array([...utf8('// ok\n// caf'), 0xe9, ...utf8('\n')]);
    const decoded = decodeSource(bytes);
    expect(decoded).toMatchObject({ ok: false, line: 2, column: 7 });
    if (!decoded.ok) {
      expect(decoded.message).toContain('not valid UTF-8 (byte 0xE9 at line 2, byte 7 of the line)');
      expect(decoded.message).toContain('Convert it to UTF-8');
    }
  });

  it('counts UTF-16 and UTF-32 files (by their byte-order mark) as not UTF-8', () => {
    const utf16le = new Uint8Array([0xff, 0xfe, ...Buffer.from('a();\n', 'utf16le')]);
    const utf16be = new Uint8Array([0xfe, 0xff, 0, 0x61]);
    const utf32le = new Uint8Array([0xff, 0xfe, 0, 0, 0x61, 0, 0, 0]);
    const messages = [utf16le, utf16be, utf32le].map((bytes) => {
      const decoded = decodeSource(bytes);
      return decoded.ok ? 'decoded' : decoded.message;
    });
    expect(messages.map((m) => /UTF-(16|32)[LB]E/.exec(m)?.[0])).toEqual(['UTF-16LE', 'UTF-16BE', 'UTF-32LE']);
  });

  it('rejects overlong forms, surrogates and code points above U+10FFFF, as the fatal decoder does', () => {
    for (const bad of [[0xc0, 0xaf], [0xe0, 0x80, 0xaf], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xe2, 0x82], [0x80]]) {
      expect(decodeSource(new Uint8Array([0x61, ...bad])).ok, bad.join(',')).toBe(false);
      expect(firstInvalidUtf8Offset(new Uint8Array([0x61, ...bad]))).toBe(1);
    }
  });

  it('finds the first invalid byte exactly where the fatal decoder fails, on random bytes', () => {
    // A fixed-seed generator: the same cases on every run.
    let seed = 42;
    const next = () => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 16) & 0xff;
    const fatal = new TextDecoder('utf-8', { fatal: true });
    for (let n = 0; n < 2000; n++) {
      const bytes = new Uint8Array(1 + (n % 12)).map(() => (n % 3 === 0 ? next() : 0x80 | (next() & 0x7f)));
      const offset = firstInvalidUtf8Offset(bytes);
      const valid = (() => {
        try {
          fatal.decode(bytes);
          return true;
        } catch {
          return false;
        }
      })();
      expect(offset === null, `${Buffer.from(bytes).toString('hex')}`).toBe(valid);
      if (offset !== null) {
        // Everything before the offset decodes (a prefix may end inside a sequence, hence stream).
        expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, offset), { stream: true })).not.toThrow();
      }
    }
  });

  it('refuses to encode a lone surrogate instead of writing U+FFFD', () => {
    expect(() => encodeSource('a\uD800b')).toThrow('lone UTF-16 surrogate');
    expect(encodeSource('😀').toString('hex')).toBe('f09f9880');
  });
});
