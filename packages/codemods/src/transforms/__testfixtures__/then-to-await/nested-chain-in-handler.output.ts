declare function getUser(id: string): Promise<{ teamId: string }>;
declare function getTeam(id: string): Promise<{ name: string }>;

export async function teamName(id: string) {
  const user = await getUser(id);
  const team = await getTeam(user.teamId);
  return team.name;
}
