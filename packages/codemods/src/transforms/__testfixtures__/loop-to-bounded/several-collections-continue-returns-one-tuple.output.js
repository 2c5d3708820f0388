import { readFile } from 'node:fs/promises';
import { boundedMap } from '../../../lib/asyncwise-limit.js';

// A `continue` hands back every array the call collects: they are held together once, and each
// `return` hands back that one. `collected` means something else here, so the next name is taken.
export async function readAll(paths, collected) {
  const texts = [];
  const sizes = {};
  const empty = new Set();
  for (const [emptyBatch, textsBatch, sizesBatch] of await boundedMap(paths, 8, async (path) => {
    const newEmpty = [];
    const newTexts = [];
    const sizesEntries = [];
    const gathered = [newEmpty, newTexts, sizesEntries];
    const text = await readFile(path, 'utf8');
    if (text === '') {
      newEmpty.push(path);
      return gathered;
    }
    newTexts.push(text);
    if (text.length > 100) return gathered;
    sizesEntries.push([path, text.length]);
    return gathered;
  })) {
    for (const path of emptyBatch) empty.add(path);
    texts.push(...textsBatch);
    for (const [path, length] of sizesBatch) sizes[path] = length;
  }
  collected(texts);
  return { texts, sizes, empty };
}
