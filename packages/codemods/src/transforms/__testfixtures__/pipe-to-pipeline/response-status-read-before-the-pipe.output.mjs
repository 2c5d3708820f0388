import fs from 'node:fs';
import axios from 'axios';
import { pipeline } from 'node:stream/promises';

// Another property of the response is read: only `response.data` is the stream.
export async function download(url, dest) {
  const writer = fs.createWriteStream(dest);
  const response = await axios.get(url, { responseType: 'stream' });
  if (response.status !== 200) throw new Error(`HTTP ${response.status}`);
  await pipeline(response.data, writer);
  return dest;
}
