import { boundedMap } from '../../../lib/asyncwise-limit.js';
declare function resize(path: string): Promise<void>;

export async function resizeAll(paths: string[]) {
  await boundedMap(paths, 8, async (path) => {
    if (path.endsWith('.svg')) return;
    await resize(path);
  });
  console.log('resized');
}
