import { boundedMap } from '../../../lib/asyncwise-limit.js';
declare function load(id: string): Promise<string | null>;
declare function tokenFor(repo: string): Promise<string | null>;
declare function run(args: string[]): void;

// Returned before the loop, the array leaves with the function: the loop never runs after that.
export async function prList(ids: string[] | null) {
  const fetched: string[] = [];
  if (!ids) return fetched;
  for (const fetchedBatch of await boundedMap(ids, 8, async (id) => {
    const newFetched: string[] = [];
    const pr = await load(id);
    if (!pr) return newFetched;
    newFetched.push(pr);
    return newFetched;
  })) fetched.push(...fetchedBatch);
  return fetched;
}

// Handed on once the loop around the inner one is done: every write has been made by then.
export async function logins(docs: { repos: string[] }[]) {
  const commands: string[] = [];
  for (const doc of docs) {
    for (const commandsBatch of await boundedMap(doc.repos, 8, async (repo) => {
      const newCommands: string[] = [];
      const token = await tokenFor(repo);
      if (token) newCommands.push(`--token=${token}`);
      return newCommands;
    })) commands.push(...commandsBatch);
  }
  run(commands);
}
