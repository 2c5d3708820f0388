import { readFile } from 'node:fs/promises';

// A `continue` hands back every array the call collects: they are held together once, and each
// `return` hands back that one. `collected` means something else here, so the next name is taken.
export async function readAll(paths, collected) {
  const texts = [];
  const sizes = {};
  const empty = new Set();
  for (const path of paths) {
    const text = await readFile(path, 'utf8');
    if (text === '') {
      empty.add(path);
      continue;
    }
    texts.push(text);
    if (text.length > 100) continue;
    sizes[path] = text.length;
  }
  collected(texts);
  return { texts, sizes, empty };
}
