declare function prefetch(href: string): Promise<void>;

export function Links({ hrefs }: { hrefs: string[] }) {
  const warm = async () => {
    const targets: string[] = hrefs.filter((href) => href.startsWith('/'));
    for (const href of targets) {
      await prefetch(href);
    }
  };
  return <button onClick={warm}>{hrefs.length} links</button>;
}
