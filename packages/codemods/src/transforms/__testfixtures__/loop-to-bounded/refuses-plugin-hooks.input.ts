interface Plugin {
  buildStart?: (this: Context) => Promise<void>;
}

interface Context {
  readonly root: string;
}

export class PluginContainer {
  constructor(
    private readonly plugins: Plugin[],
    private readonly context: Context,
  ) {}

  async buildStarted() {
    for (const plugin of this.plugins) {
      if (plugin.buildStart) {
        await plugin.buildStart.call(this.context);
      }
    }
  }
}
