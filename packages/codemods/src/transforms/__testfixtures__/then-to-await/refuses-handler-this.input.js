export function report(url) {
  return fetch(url).then(function (response) {
    return this.format(response.status);
  });
}

export function log(url) {
  return fetch(url).then(function () {
    return arguments.length;
  });
}
