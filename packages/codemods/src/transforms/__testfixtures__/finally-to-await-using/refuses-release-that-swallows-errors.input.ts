import { promises as fs } from 'node:fs';

export async function save(path: string, chunks: AsyncIterable<Buffer>) {
  const handle = await fs.open(path, 'w');
  try {
    for await (const chunk of chunks) await handle.write(chunk);
  } finally {
    // A failing close is ignored here; await using would throw it.
    await handle.close().catch(() => {});
  }
}
