export async function search(client: SearchClient, query: string) {
  const users = await client.search('users', {
    query,
    fields: ['name', 'email'],
    limit: 10,
  });
  const teams = await client.search(
    'teams',
    { query, limit: 5 },
  );
  return { users, teams };
}
