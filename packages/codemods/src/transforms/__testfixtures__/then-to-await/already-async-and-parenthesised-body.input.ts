declare function load(): Promise<number[]>;

export async function total() {
  return load().then(([first, ...rest]) => first + rest.length);
}

export const double = () => (load().then((values) => values.map((v) => v * 2)));
