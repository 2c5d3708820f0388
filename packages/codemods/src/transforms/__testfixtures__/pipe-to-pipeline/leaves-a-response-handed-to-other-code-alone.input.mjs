import fs from 'node:fs';
import axios from 'axios';

// The response goes to other code, which may listen for its body's errors: not reported.
export async function download(url, dest, track) {
  const writer = fs.createWriteStream(dest);
  const response = await axios.get(url, { responseType: 'stream' });
  track(response);
  response.data.pipe(writer);
  return new Promise((resolve, reject) => {
    writer.on('finish', resolve);
    writer.on('error', reject);
  });
}
