export function load(url: string) {
  return fetch(url).then(
    (response) => response.text(),
    () => 'offline',
  );
}
