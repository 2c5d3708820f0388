import fs from 'node:fs';

const defaults = JSON.parse(fs.readFileSync(new URL('./defaults.json', import.meta.url), 'utf8'));

export async function settings(overrides) {
  return { ...defaults, ...overrides };
}
