export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export function once(emitter, name) {
  return new Promise((resolve, reject) => {
    emitter.once(name, resolve);
    emitter.once('error', reject);
  });
}
