interface Response {
  readonly status: number;
  readonly body: { readonly list: string[]; readonly message: string };
}
declare const request: { get(url: string): Promise<Response> };
declare function parse(status: number, list: string[]): string[];

export class ListsClient {
  // An object literal written under `.then(`: it keeps its shape under the new `return`.
  validate(address: string): Promise<{ status: number; message: string }> {
    return request.get(`/lists/${address}/validate`)
      .then((response) => ({
        status: response.status,
        message: response.body.message,
      }));
  }

  // A call whose arguments are on lines of their own.
  lists(address: string): Promise<string[]> {
    return request.get(`/lists/${address}`)
      .then(
        (response) => parse(
          response.status,
          response.body.list,
        ),
      );
  }

  // A template literal spanning lines keeps its bytes.
  summary(address: string): Promise<string> {
    return request.get(`/lists/${address}`)
      .then((response) => `status:
    ${response.status}`);
  }
}
