export function ping(url: string) {
  return fetch(url)
    .then((response) => response.status)
    .finally(() => {
      if (Math.random() > 2) return;
      console.log('done');
    });
}
