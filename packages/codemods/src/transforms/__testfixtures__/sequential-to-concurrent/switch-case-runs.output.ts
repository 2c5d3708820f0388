export async function handle(event: Event, api: Api) {
  let user: User;
  let team: Team;
  switch (event.kind) {
    case 'signup': {
      const [invite, plan] = await Promise.all([
        api.getInvite(event.inviteId),
        api.getPlan(event.planId),
      ]);
      return welcome(invite, plan);
    }
    case 'refresh':
      [user, team] = await Promise.all([
        api.getUser(event.userId),
        api.getTeam(event.teamId),
      ]);
      return render(user, team);
    default:
      return null;
  }
}
