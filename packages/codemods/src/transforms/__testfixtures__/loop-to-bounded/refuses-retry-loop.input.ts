declare function attempt(): Promise<boolean>;

export async function retry() {
  let done = false;
  while (!done) {
    done = await attempt();
  }
}
