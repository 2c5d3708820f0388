import fs from 'node:fs';

export async function removeStale(file, log) {
  fs.unlink(file, (error) => {
    if (error) {
      log.warn(`could not remove ${file}`, error);
    } else {
      log.info(`removed ${file}`);
    }
  });
}
