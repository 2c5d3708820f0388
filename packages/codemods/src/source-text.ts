/**
 * Source files as bytes: the codemods read and write UTF-8 only, and never re-encode a file.
 *
 * `readFile(file, 'utf8')` replaces every invalid byte with U+FFFD, so a Latin-1 file would come
 * back with its accented letters destroyed by the write. Files are therefore read as bytes and
 * decoded with a *fatal* decoder: a file that is not valid UTF-8 is not migrated at all (it is
 * skipped with the reason `not-utf8`), and one that is valid round-trips exactly, since UTF-8
 * decoding is one-to-one on valid input. A UTF-8 byte-order mark stays in the text (as U+FEFF,
 * which the parser reads as whitespace) and so is written back as it was.
 */

/**
 * Why a file was not migrated although nothing is wrong with asyncwise or the run: its bytes are not
 * UTF-8, it is larger than `--max-file-size`, or it holds a NUL byte (a binary file with a source
 * extension, such as a compiled `.ts` video transport stream), the run was interrupted (SIGINT,
 * SIGTERM) before the file was analysed, or it is a symlink to a file outside the paths the run was
 * given (`outside-paths`: a rewrite would change a file nobody asked to change).
 */
export type SkipReason = 'not-utf8' | 'too-large' | 'binary' | 'interrupted' | 'outside-paths';

/** Every {@link SkipReason}, for reports and docs. */
export const skipReasons = ['not-utf8', 'too-large', 'binary', 'interrupted', 'outside-paths'] as const satisfies readonly SkipReason[];

/** The default of `--max-file-size`: larger files are generated or bundled, not written by hand. */
export const defaultMaxFileSize = 2 * 1024 * 1024;

/** How far into a file a NUL byte is looked for, as git does to tell binary files from text. */
const binarySniffBytes = 8000;

/**
 * The offset of the first NUL byte in the file's first 8,000 bytes, or `null`: git's test for a
 * binary file. UTF-16 and UTF-32 text (with its byte-order mark) is text, not binary: `null`.
 */
export function firstNulByte(bytes: Uint8Array): number | null {
  if (utf16Or32Bom(bytes) !== null) return null;
  const at = bytes.subarray(0, binarySniffBytes).indexOf(0);
  return at < 0 ? null : at;
}

/** Where a file stops being UTF-8: 1-based line, and the byte in that line (1-based). */
export interface NotUtf8 {
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

export type DecodedSource = { readonly ok: true; readonly text: string } | ({ readonly ok: false } & NotUtf8);

// `ignoreBOM` keeps a UTF-8 BOM in the text, so that writing the text back writes the BOM again.
const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * The text of a file's bytes, or where and why they are not UTF-8. A UTF-16 or UTF-32 file (with
 * its byte-order mark) is not UTF-8 either: its text would be mangled by a UTF-8 rewrite.
 */
export function decodeSource(bytes: Uint8Array): DecodedSource {
  const bom = utf16Or32Bom(bytes);
  if (bom !== null) {
    return {
      ok: false,
      line: 1,
      column: 1,
      message: `the file is ${bom} (it starts with a ${bom} byte-order mark); asyncwise rewrites UTF-8 files only, so it was left as it is. Convert it to UTF-8 to migrate it.`,
    };
  }
  try {
    return { ok: true, text: decoder.decode(bytes) };
  } catch {
    const offset = firstInvalidUtf8Offset(bytes) ?? 0;
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < offset; i++) {
      if (bytes[i] === 0x0a) {
        line++;
        lineStart = i + 1;
      }
    }
    const byte = (bytes[offset] ?? 0).toString(16).toUpperCase().padStart(2, '0');
    return {
      ok: false,
      line,
      column: offset - lineStart + 1,
      message:
        `not valid UTF-8 (byte 0x${byte} at line ${line}, byte ${offset - lineStart + 1} of the line); asyncwise rewrites UTF-8 files only, ` +
        'so it was left as it is. Convert it to UTF-8 (e.g. iconv -f latin1 -t utf-8) to migrate it.',
    };
  }
}

/**
 * The bytes to write for `text`: its UTF-8 encoding. Throws when the text holds a lone surrogate,
 * which UTF-8 cannot encode (`Buffer.from` would silently write U+FFFD in its place).
 */
export function encodeSource(text: string): Buffer {
  // In a `u` regular expression a surrogate pair is one code point, so this finds lone halves only.
  if (/\p{Surrogate}/u.test(text)) {
    throw new Error('the rewritten text holds a lone UTF-16 surrogate, which cannot be written as UTF-8');
  }
  return Buffer.from(text, 'utf8');
}

function utf16Or32Bom(bytes: Uint8Array): string | null {
  const [b0, b1, b2, b3] = bytes;
  if (b0 === 0xff && b1 === 0xfe) return b2 === 0 && b3 === 0 ? 'UTF-32LE' : 'UTF-16LE';
  if (b0 === 0xfe && b1 === 0xff) return 'UTF-16BE';
  if (b0 === 0 && b1 === 0 && b2 === 0xfe && b3 === 0xff) return 'UTF-32BE';
  return null;
}

/**
 * The offset of the first byte that does not start or continue a well-formed UTF-8 sequence
 * (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF), or `null` when all of them
 * do. Only used to tell the user where the fatal decoder failed; the decoder makes the decision.
 */
export function firstInvalidUtf8Offset(bytes: Uint8Array): number | null {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    // The number of continuation bytes, and the range the first of them must fall in.
    let count: number;
    let low = 0x80;
    let high = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) count = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      count = 2;
      if (b === 0xe0) low = 0xa0;
      if (b === 0xed) high = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      count = 3;
      if (b === 0xf0) low = 0x90;
      if (b === 0xf4) high = 0x8f;
    } else {
      return i;
    }
    for (let k = 1; k <= count; k++) {
      const c = bytes[i + k];
      if (c === undefined) return i;
      if (k === 1 ? c < low || c > high : c < 0x80 || c > 0xbf) return i;
    }
    i += count + 1;
  }
  return null;
}
