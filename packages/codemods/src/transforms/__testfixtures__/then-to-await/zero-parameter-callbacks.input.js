function refresh() {
  return Date.now();
}

export function touch(p) {
  return Promise.resolve(p)
    .then(() => console.log('saved'))
    .then(refresh);
}
