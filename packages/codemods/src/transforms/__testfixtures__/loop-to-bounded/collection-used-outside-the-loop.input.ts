declare function load(id: string): Promise<string | null>;
declare function tokenFor(repo: string): Promise<string | null>;
declare function run(args: string[]): void;

// Returned before the loop, the array leaves with the function: the loop never runs after that.
export async function prList(ids: string[] | null) {
  const fetched: string[] = [];
  if (!ids) return fetched;
  for (const id of ids) {
    const pr = await load(id);
    if (!pr) continue;
    fetched.push(pr);
  }
  return fetched;
}

// Handed on once the loop around the inner one is done: every write has been made by then.
export async function logins(docs: { repos: string[] }[]) {
  const commands: string[] = [];
  for (const doc of docs) {
    for (const repo of doc.repos) {
      const token = await tokenFor(repo);
      if (token) commands.push(`--token=${token}`);
    }
  }
  run(commands);
}
