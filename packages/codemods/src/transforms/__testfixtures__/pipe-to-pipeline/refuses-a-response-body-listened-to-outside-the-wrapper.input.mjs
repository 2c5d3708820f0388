import fs from 'node:fs';
import axios from 'axios';

// The response's body is listened to by a statement of its own, outside the new Promise.
export async function download(url, dest, log) {
  const writer = fs.createWriteStream(dest);
  const response = await axios.get(url, { responseType: 'stream' });
  response.data.on('end', () => log('received'));
  response.data.pipe(writer);
  return new Promise((resolve, reject) => {
    writer.on('finish', resolve);
    writer.on('error', reject);
  });
}
