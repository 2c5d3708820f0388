import { readFile } from 'node:fs/promises';
import { boundedMap } from '../../../lib/asyncwise-limit.js';

// Plain JavaScript: the call returns its arrays as a pair, written back on one line each.
export async function readAll(paths) {
  const texts = [];
  const sizes = {};
  for (const [textsBatch, sizesBatch] of await boundedMap(paths, 8, async (path) => {
    const newTexts = [];
    const sizesEntries = [];
    const text = await readFile(path, 'utf8');
    newTexts.push(text);
    sizesEntries.push([path, text.length]);
    return [newTexts, sizesEntries];
  })) {
    texts.push(...textsBatch);
    for (const [path, length] of sizesBatch) sizes[path] = length;
  }
  return { texts, sizes };
}

// On one line.
export async function lengths(paths) {
  const ok = [], bad = new Set();
  for (const [okBatch, badBatch] of await boundedMap(paths, 8, async (path) => { const newOk = []; const newBad = []; const text = await readFile(path, 'utf8'); if (text) newOk.push(path); else newBad.push(path); return [newOk, newBad]; })) { ok.push(...okBatch); for (const path of badBatch) bad.add(path); }
  return { ok, bad };
}
