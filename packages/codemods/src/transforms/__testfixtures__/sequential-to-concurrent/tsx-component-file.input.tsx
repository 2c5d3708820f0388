import { render } from './render';

export async function loader({ params }: { params: { id: string } }) {
  const user = await fetchUser(params.id);
  const team = await fetchTeam(params.id);
  const badge = await render(<Badge kind="gold" label={params.id} />);
  return { user, team, badge };
}

export function Profile({ user }: { user: User }) {
  return <div className="profile">{user.name}</div>;
}
