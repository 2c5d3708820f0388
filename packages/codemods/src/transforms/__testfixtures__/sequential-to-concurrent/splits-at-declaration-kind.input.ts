export async function load(api: Api) {
  const user = await api.getUser();
  const team = await api.getTeam();
  let page = await api.firstPage();
  let total = await api.count();
  page += 1;
  total -= 1;
  return { user, team, page, total };
}
