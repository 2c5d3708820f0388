declare function put(index: number, value: string): Promise<void>;

export async function putAll(values: string[]) {
  values.forEach(async (value, index) => {
    await put(index, value);
  });
}
