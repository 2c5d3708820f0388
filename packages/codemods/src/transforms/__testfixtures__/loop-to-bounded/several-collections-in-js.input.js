import { readFile } from 'node:fs/promises';

// Plain JavaScript: the call returns its arrays as a pair, written back on one line each.
export async function readAll(paths) {
  const texts = [];
  const sizes = {};
  for (const path of paths) {
    const text = await readFile(path, 'utf8');
    texts.push(text);
    sizes[path] = text.length;
  }
  return { texts, sizes };
}

// On one line.
export async function lengths(paths) {
  const ok = [], bad = new Set();
  for (const path of paths) { const text = await readFile(path, 'utf8'); if (text) ok.push(path); else bad.add(path) }
  return { ok, bad };
}
