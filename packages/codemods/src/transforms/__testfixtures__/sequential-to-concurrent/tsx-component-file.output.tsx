import { render } from './render';

export async function loader({ params }: { params: { id: string } }) {
  const [user, team, badge] = await Promise.all([
    fetchUser(params.id),
    fetchTeam(params.id),
    render(<Badge kind="gold" label={params.id} />),
  ]);
  return { user, team, badge };
}

export function Profile({ user }: { user: User }) {
  return <div className="profile">{user.name}</div>;
}
