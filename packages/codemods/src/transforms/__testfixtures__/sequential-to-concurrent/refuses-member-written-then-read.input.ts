export class Session {
  token = '';
  profile: Profile | undefined;

  async start(auth: Auth, api: Api) {
    this.token = await auth.login();
    this.profile = await api.getProfile(this.token);
  }
}
