import { Client, config } from './client.js';

const client = new Client('https://api.test');

export async function sync(path: string, options?: { signal?: AbortSignal }) {
  const settings = await config.load('settings.json', { signal: options?.signal });
  const data = await client.getJson(path, { signal: options?.signal });
  return [settings, data];
}
