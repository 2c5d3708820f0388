// JSX writes its attributes in double quotes whatever the code's style: the helper's import takes
// the quotes of the file's own strings.
import { boundedMap } from '../../../lib/asyncwise-limit.js';
declare function load(id: string): Promise<string>;

export async function Labels({ ids }: { ids: string[] }) {
  const labels: string[] = await boundedMap(ids, 8, async (id) => {
    return await load(`label-${id}`);
  });
  return <ul className="labels" title="all">{labels.map((l) => <li key={l} data-kind="label">{l}</li>)}</ul>;
}

export const kind = 'labels';
