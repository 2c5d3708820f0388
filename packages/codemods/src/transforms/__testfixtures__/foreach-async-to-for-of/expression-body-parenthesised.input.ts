declare function archive(id: string): Promise<void>;
declare function remove(id: string): Promise<void>;

export async function tidy(ids: string[], keep: boolean) {
  // `await keep ? a : b` would await `keep` alone: the whole body is awaited.
  ids.forEach(async (id) => (keep ? archive(id) : remove(id)));
  ids.forEach(async (id) => await archive(id));
}
