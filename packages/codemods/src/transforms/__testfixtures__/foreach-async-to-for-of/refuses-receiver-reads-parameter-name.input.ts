declare function visit(node: string): Promise<void>;
declare const node: { children: string[] };

export async function walk() {
  node.children.forEach(async (node) => {
    await visit(node);
  });
}
