export async function retryCount(p) {
  let n;
  try {
    n = await Promise.resolve(p);
  } catch {
    n = 0;
  }
  return n + 1;
}

export async function status(url) {
  try {
    let code;
    try {
      const response = await fetch(url);
      code = await response.status;
    } catch (error) {
      console.warn(error);
      code = 500;
    }
    return code >= 400;
  } catch {
    return true;
  } finally {
    console.info('done');
  }
}

export async function body(url) {
  let response;
  try {
    response = await fetch(url);
  } catch {
    response = null;
  }
  const text = await (response ? response.text() : '');
  return text;
}
