export async function loadOwner(api: Api, projectId: string) {
  const project = await api.getProject(projectId);
  const owner = await api.getUser(project.ownerId);
  return { project, owner };
}
