import fs from 'node:fs';

export async function removeStale(file, log) {
  try {
    await fs.promises.unlink(file);
  } catch (error) {
    log.warn(`could not remove ${file}`, error);
    return;
  }
  log.info(`removed ${file}`);
}
