import { readFile } from 'node:fs/promises';

export async function loadSettings(path, fallback) {
  const text = await readFile(path, 'utf8').then((buffer) => buffer.trim());
  let settings = await Promise.resolve(text)
    .then((raw) => JSON.parse(raw))
    .catch(() => fallback);
  await fetch('/audit', { method: 'POST' }).then((response) => response.ok);
  return settings;
}

export async function ping(url, log) {
  try {
    return await fetch(url).then((response) => response.status);
  } catch (error) {
    log(error);
    return 0;
  }
}

export async function cleanUp(lock) {
  await fetch('/release').finally(() => lock.release());
}
