import { PassThrough } from 'node:stream';

// close of a stream that is not a file write stream: made elsewhere it may never come, or come otherwise than pipeline waits.
export async function relay(response) {
  const through = new PassThrough();
  response.pipe(through);
  return new Promise((resolve, reject) => {
    through.on('close', resolve);
    through.on('error', reject);
  });
}
