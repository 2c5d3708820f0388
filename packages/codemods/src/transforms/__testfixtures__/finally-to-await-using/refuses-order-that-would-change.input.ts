import { open } from 'node:fs/promises';

export async function copy(from: string, to: string) {
  const source = await open(from);
  const target = await open(to, 'w');
  try {
    await target.write(await source.readFile());
  } finally {
    // The source goes first; await using would close the target first.
    await source.close();
    await target.close();
  }
}
