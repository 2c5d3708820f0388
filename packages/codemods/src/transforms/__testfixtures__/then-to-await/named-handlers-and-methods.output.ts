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
  static async get(url: string) {
    try {
      const response = await fetch(url);
      return await parse(await response.text());
    } catch (error) {
      return onError(error);
    }
  }
  async touched() {
    await Promise.resolve();
    return stamp();
  }
}
