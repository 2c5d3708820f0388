import { readFile } from 'node:fs/promises';

export async function loadSettings(path, fallback) {
  const buffer = await readFile(path, 'utf8');
  const text = await buffer.trim();
  let settings;
  try {
    const raw = await Promise.resolve(text);
    settings = JSON.parse(raw);
  } catch {
    settings = await fallback;
  }
  const response = await fetch('/audit', { method: 'POST' });
  await response.ok;
  return settings;
}

export async function ping(url, log) {
  try {
    const response = await fetch(url);
    return await response.status;
  } catch (error) {
    log(error);
    return 0;
  }
}

export async function cleanUp(lock) {
  try {
    await fetch('/release');
  } finally {
    await lock.release();
  }
}
