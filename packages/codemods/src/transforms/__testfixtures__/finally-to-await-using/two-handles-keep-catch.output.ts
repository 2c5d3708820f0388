import { open } from 'node:fs/promises';

export async function copy(from: string, to: string) {
  await using source = await open(from);
  await using target = await open(to, 'w');
  try {
    await target.write(await source.readFile());
  } catch (error) {
    console.error('copy failed', error);
    throw error;
  }
}
