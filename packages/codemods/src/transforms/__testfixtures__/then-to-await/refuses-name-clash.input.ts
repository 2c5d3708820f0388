const text = 'outer';

export function both(url: string) {
  return fetch(url)
    .then((response) => {
      const text = response.statusText;
      return text.length;
    })
    .then((length) => `${text}:${length}`);
}
