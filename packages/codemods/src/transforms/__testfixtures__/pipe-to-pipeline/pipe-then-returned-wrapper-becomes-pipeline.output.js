import fs from 'node:fs';
import axios from 'axios';
import { pipeline } from 'node:stream/promises';

// The download helper: the response is piped, then a new Promise waits for the file.
export async function download(url, target) {
  const writer = fs.createWriteStream(target);
  const response = await axios({ url, method: 'GET', responseType: 'stream' });
  await pipeline(response.data, writer);
}
