declare function archive(id: string): Promise<void>;
declare function remove(id: string): Promise<void>;

export async function tidy(ids: string[], keep: boolean) {
  // `await keep ? a : b` would await `keep` alone: the whole body is awaited.
  for (const id of ids) await (keep ? archive(id) : remove(id));
  for (const id of ids) await archive(id);
}
