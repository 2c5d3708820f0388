import { open } from 'node:fs/promises';

export async function touch(path) {
	await using handle = await open(path, 'a');
	const now = new Date();
	await handle.utimes(now, now);
}
