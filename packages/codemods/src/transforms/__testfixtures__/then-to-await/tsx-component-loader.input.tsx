async function fetchItems(): Promise<string[]> {
  return [];
}

export function loadItems(setItems: (items: string[]) => void) {
  return fetchItems().then((items) => {
    setItems(items);
    return <ul>{items.map((item) => <li key={item}>{item}</li>)}</ul>;
  });
}
