import fs from 'node:fs';
import net from 'node:net';

// A socket's close may come before pipeline settles or after; only a file stream's is waited for.
export async function send(path, port, log) {
  fs.createReadStream(path).pipe(net.connect(port)).on('close', () => log('sent'));
}
