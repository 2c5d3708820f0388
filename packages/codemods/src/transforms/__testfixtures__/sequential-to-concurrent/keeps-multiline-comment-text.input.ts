export async function report(id: string) {
  const totals = await query({
    /*
     * Totals per region, as the dashboard shows them.
     */
    table: 'totals',
    id,
  });
  const regions = await listRegions(id);
  return { totals, regions };
}
