import { open } from './storage';

export async function read(path: string) {
  const handle = await open(path);
  try {
    return await handle.read();
  } finally {
    await handle.close();
  }
}
