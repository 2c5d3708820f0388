declare function getUser(id: string): Promise<{ teamId: string }>;
declare function getTeam(id: string): Promise<{ name: string }>;

export function teamName(id: string) {
  return getUser(id).then((user) => getTeam(user.teamId).then((team) => team.name));
}
