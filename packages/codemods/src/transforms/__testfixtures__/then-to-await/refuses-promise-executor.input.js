export function withTimeout(load, ms) {
  return new Promise((resolve, reject) => {
    setTimeout(() => reject(new Error('timeout')), ms);
    return Promise.resolve(load()).then(resolve);
  });
}
