async function fetchItems(): Promise<string[]> {
  return [];
}

export async function loadItems(setItems: (items: string[]) => void) {
  const items = await fetchItems();
  setItems(items);
  return <ul>{items.map((item) => <li key={item}>{item}</li>)}</ul>;
}
