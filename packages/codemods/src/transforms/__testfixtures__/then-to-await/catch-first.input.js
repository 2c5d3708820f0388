export function retryCount(p) {
  return Promise.resolve(p)
    .catch(() => 0)
    .then((n) => n + 1);
}

export function status(url) {
  return fetch(url)
    .then((response) => response.status)
    .catch((error) => {
      console.warn(error);
      return 500;
    })
    .then((code) => code >= 400)
    .catch(() => true)
    .finally(() => console.info('done'));
}

export async function body(url) {
  const text = await fetch(url)
    .catch(() => null)
    .then((response) => (response ? response.text() : ''));
  return text;
}
