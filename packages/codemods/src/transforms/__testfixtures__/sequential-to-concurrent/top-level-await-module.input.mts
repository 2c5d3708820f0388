import { readFile } from 'node:fs/promises';

const schema = await readFile(new URL('./schema.sql', import.meta.url), 'utf8');
const seed = await readFile(new URL('./seed.sql', import.meta.url), 'utf8');

console.log(`schema: ${schema.length} bytes, seed: ${seed.length} bytes`);
