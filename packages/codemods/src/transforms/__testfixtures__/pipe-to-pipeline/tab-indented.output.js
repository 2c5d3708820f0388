import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';

export async function copy(a, b, log) {
	try {
		await pipeline(fs.createReadStream(a), fs.createWriteStream(b));
	} catch (err) {
		log('failed', err);
		return;
	}
	log('copied');
}
