import fs from 'node:fs';

export async function copy(a, b, log) {
	fs.createReadStream(a).pipe(fs.createWriteStream(b)).on('error', (err) => {
		log('failed', err);
	}).on('finish', () => {
		log('copied');
	});
}
