// The request needs the server the first call starts.
export async function smoke(app: App) {
  const server = await app.listen(0);
  const response = await request('/health');
  return { server, response };
}
