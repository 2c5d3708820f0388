import fs from 'node:fs';
import axios from 'axios';

// Another property of the response is read: only `response.data` is the stream.
export async function download(url, dest) {
  const writer = fs.createWriteStream(dest);
  const response = await axios.get(url, { responseType: 'stream' });
  if (response.status !== 200) throw new Error(`HTTP ${response.status}`);
  response.data.pipe(writer);
  return new Promise((resolve, reject) => {
    writer.on('finish', () => resolve(dest));
    writer.on('error', reject);
  });
}
