import fs from 'node:fs';
import axios from 'axios';

// The download helper: the response is piped, then a new Promise waits for the file.
export async function download(url, target) {
  const writer = fs.createWriteStream(target);
  const response = await axios({ url, method: 'GET', responseType: 'stream' });
  response.data.pipe(writer);
  return new Promise((resolve, reject) => {
    writer.on('finish', resolve);
    writer.on('error', reject);
  });
}
