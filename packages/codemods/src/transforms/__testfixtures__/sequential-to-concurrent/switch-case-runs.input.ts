export async function handle(event: Event, api: Api) {
  let user: User;
  let team: Team;
  switch (event.kind) {
    case 'signup': {
      const invite = await api.getInvite(event.inviteId);
      const plan = await api.getPlan(event.planId);
      return welcome(invite, plan);
    }
    case 'refresh':
      user = await api.getUser(event.userId);
      team = await api.getTeam(event.teamId);
      return render(user, team);
    default:
      return null;
  }
}
