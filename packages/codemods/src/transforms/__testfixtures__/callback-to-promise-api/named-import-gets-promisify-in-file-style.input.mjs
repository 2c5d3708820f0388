import { gzip } from "node:zlib";
import { writeFile } from "node:fs/promises";

export async function archive(body, target) {
  gzip(body, (err, packed) => {
    if (err) throw err;
    writeFile(target, packed).catch(console.error);
  });
}
