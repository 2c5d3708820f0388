export async function load(url: string) {
  // fetch first
  // then decode
  try {
    const response = await fetch(url);
    // the body is JSON
    return await response.json(); // always
  } catch (error) {
    /* keep going */
    console.warn(error);
    return null;
  }
}
