import { boundedMap } from '../../../lib/asyncwise-limit.js';
declare function load(id: string): Promise<string | null>;
declare function tokenFor(repo: string): Promise<string | null>;
declare function run(args: string[]): void;

// Returned before the loop, the array leaves with the function: the loop never runs after that.
export async function prList(ids: string[] | null) {
  const fetched: string[] = [];
  if (!ids) return fetched;
  for (const batch of await boundedMap(ids, 8, async (id) => {
    const found: string[] = [];
    const pr = await load(id);
    if (!pr) return found;
    found.push(pr);
    return found;
  })) fetched.push(...batch);
  return fetched;
}

// Handed on once the loop around the inner one is done: every write has been made by then.
export async function logins(docs: { repos: string[] }[]) {
  const commands: string[] = [];
  for (const doc of docs) {
    for (const chunk of await boundedMap(doc.repos, 8, async (repo) => {
      const collected: string[] = [];
      const token = await tokenFor(repo);
      if (token) collected.push(`--token=${token}`);
      return collected;
    })) commands.push(...chunk);
  }
  run(commands);
}
