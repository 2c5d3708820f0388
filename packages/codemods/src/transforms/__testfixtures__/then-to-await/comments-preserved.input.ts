export function load(url: string) {
  // fetch first
  return fetch(url)
    // then decode
    .then((response) => {
      // the body is JSON
      return response.json(); // always
    })
    .catch((error) => {
      /* keep going */
      console.warn(error);
      return null;
    });
}
