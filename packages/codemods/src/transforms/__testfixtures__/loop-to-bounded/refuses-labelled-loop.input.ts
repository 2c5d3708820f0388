declare function visit(node: string): Promise<void>;

export async function walk(nodes: string[]) {
  outer: for (const node of nodes) {
    await visit(node);
  }
}
