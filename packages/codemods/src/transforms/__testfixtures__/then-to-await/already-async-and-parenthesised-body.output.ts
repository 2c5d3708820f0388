declare function load(): Promise<number[]>;

export async function total() {
  const [first, ...rest] = await load();
  return first + rest.length;
}

export const double = async () => {
  const values = await load();
  return values.map((v) => v * 2);
};
