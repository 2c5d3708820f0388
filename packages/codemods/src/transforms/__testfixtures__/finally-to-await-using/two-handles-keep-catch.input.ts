import { open } from 'node:fs/promises';

export async function copy(from: string, to: string) {
  const source = await open(from);
  const target = await open(to, 'w');
  try {
    await target.write(await source.readFile());
  } catch (error) {
    console.error('copy failed', error);
    throw error;
  } finally {
    await target.close();
    await source.close();
  }
}
