import { Client, config } from './client.js';

const client = new Client('https://api.test');

export async function sync(path: string) {
  const settings = await config.load('settings.json');
  const data = await client.getJson(path);
  return [settings, data];
}
