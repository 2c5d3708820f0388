export async function report(id: string) {
  const [totals, regions] = await Promise.all([
    query({
      /*
     * Totals per region, as the dashboard shows them.
     */
      table: 'totals',
      id,
    }),
    listRegions(id),
  ]);
  return { totals, regions };
}
