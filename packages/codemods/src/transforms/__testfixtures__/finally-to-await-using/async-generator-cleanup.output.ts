import { open } from 'node:fs/promises';

export async function* lines(path: string) {
  await using handle = await open(path);
  for await (const line of handle.readLines()) {
    yield line;
  }
}
