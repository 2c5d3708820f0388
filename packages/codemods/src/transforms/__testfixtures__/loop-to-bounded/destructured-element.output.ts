import { boundedMap } from '../../../lib/asyncwise-limit.js';
declare function upload(name: string, content: string): Promise<void>;

export async function uploadAll(files: Record<string, string>) {
  await boundedMap(Object.entries(files), 8, async ([name, content]) => {
    await upload(name, content);
  });
}
