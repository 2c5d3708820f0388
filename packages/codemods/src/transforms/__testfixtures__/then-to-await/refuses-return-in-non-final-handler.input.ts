export function firstLine(url: string) {
  return fetch(url)
    .then((response) => {
      if (!response.ok) return '';
      return response.text();
    })
    .then((text) => text.split('\n')[0]);
}
