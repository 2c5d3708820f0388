import { readdir } from 'node:fs/promises';

export function countVisible(dir) {
  return readdir(dir).then(function (names) {
    names = names.filter((name) => !name.startsWith('.'));
    return names.length;
  });
}
