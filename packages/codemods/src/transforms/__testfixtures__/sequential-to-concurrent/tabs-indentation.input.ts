export async function loadProfile(api: Api, id: string) {
	if (!id) {
		return null;
	}
	const user = await api.getUser(id);
	const posts = await api.getPosts(id, { include: ["comments", "likes"], limit: 100 });
	return { user, posts };
}
