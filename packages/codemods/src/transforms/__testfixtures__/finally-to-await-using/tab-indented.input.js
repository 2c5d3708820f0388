import { open } from 'node:fs/promises';

export async function touch(path) {
	const handle = await open(path, 'a');
	try {
		const now = new Date();
		await handle.utimes(now, now);
	} finally {
		await handle.close();
	}
}
