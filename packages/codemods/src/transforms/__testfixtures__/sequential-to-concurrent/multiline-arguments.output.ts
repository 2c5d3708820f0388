export async function search(client: SearchClient, query: string) {
  const [users, teams] = await Promise.all([
    client.search('users', {
      query,
      fields: ['name', 'email'],
      limit: 10,
    }),
    client.search(
      'teams',
      { query, limit: 5 },
    ),
  ]);
  return { users, teams };
}
