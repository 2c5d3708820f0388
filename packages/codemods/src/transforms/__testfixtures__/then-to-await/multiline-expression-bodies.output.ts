interface Response {
  readonly status: number;
  readonly body: { readonly list: string[]; readonly message: string };
}
declare const request: { get(url: string): Promise<Response> };
declare function parse(status: number, list: string[]): string[];

export class ListsClient {
  // An object literal written under `.then(`: it keeps its shape under the new `return`.
  async validate(address: string): Promise<{ status: number; message: string }> {
    const response = await request.get(`/lists/${address}/validate`);
    return {
      status: response.status,
      message: response.body.message,
    };
  }

  // A call whose arguments are on lines of their own.
  async lists(address: string): Promise<string[]> {
    const response = await request.get(`/lists/${address}`);
    return parse(
      response.status,
      response.body.list,
    );
  }

  // A template literal spanning lines keeps its bytes.
  async summary(address: string): Promise<string> {
    const response = await request.get(`/lists/${address}`);
    return `status:
    ${response.status}`;
  }
}
