import { gzip } from "node:zlib";
import { writeFile } from "node:fs/promises";
import { promisify } from "node:util";

export async function archive(body, target) {
  const packed = await promisify(gzip)(body);
  writeFile(target, packed).catch(console.error);
}
