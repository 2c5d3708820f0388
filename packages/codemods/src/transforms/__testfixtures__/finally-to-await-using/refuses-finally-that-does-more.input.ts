import { open } from 'node:fs/promises';

export async function logged(path: string) {
  const handle = await open(path);
  try {
    return (await handle.stat()).size;
  } finally {
    await handle.close();
    console.log('closed', path);
  }
}
