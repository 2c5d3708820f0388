function parse(text: string) {
  return JSON.parse(text);
}
function onError(error: unknown) {
  return { error };
}
function stamp() {
  return Date.now();
}

export class Api {
  static get(url: string) {
    return fetch(url)
      .then((response) => response.text())
      .then(parse)
      .catch(onError);
  }
  touched() {
    return Promise.resolve().then(stamp);
  }
}
