export async function loadProfile(api: Api, id: string) {
	if (!id) {
		return null;
	}
	const [user, posts] = await Promise.all([
		api.getUser(id),
		api.getPosts(id, { include: ["comments", "likes"], limit: 100 }),
	]);
	return { user, posts };
}
