export async function load(api: Api) {
  const [user, team] = await Promise.all([api.getUser(), api.getTeam()]);
  let [page, total] = await Promise.all([api.firstPage(), api.count()]);
  page += 1;
  total -= 1;
  return { user, team, page, total };
}
