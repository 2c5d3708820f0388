import { open } from 'node:fs/promises';

// No options file: this package's tsconfig.json does not show `esnext.disposable`.
export async function size(path: string) {
  const handle = await open(path);
  try {
    return (await handle.stat()).size;
  } finally {
    await handle.close();
  }
}
