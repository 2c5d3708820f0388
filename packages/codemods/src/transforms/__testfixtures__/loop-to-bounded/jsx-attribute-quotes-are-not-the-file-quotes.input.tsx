// JSX writes its attributes in double quotes whatever the code's style: the helper's import takes
// the quotes of the file's own strings.
declare function load(id: string): Promise<string>;

export async function Labels({ ids }: { ids: string[] }) {
  const labels: string[] = [];
  for (const id of ids) {
    labels.push(await load(`label-${id}`));
  }
  return <ul className="labels" title="all">{labels.map((l) => <li key={l} data-kind="label">{l}</li>)}</ul>;
}

export const kind = 'labels';
