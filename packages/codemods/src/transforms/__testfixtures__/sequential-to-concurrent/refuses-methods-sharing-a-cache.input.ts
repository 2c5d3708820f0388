// getShardIds() fills its ids from fetchGatewayInformation(), which caches what it fetched:
// started together, both would miss the cache and fetch twice.
export class ShardManager {
  private gateway: { shards: number } | null = null;
  private shardIds: number[] | null = null;

  constructor(private readonly fetchGateway: () => Promise<{ shards: number }>) {}

  async fetchGatewayInformation() {
    if (this.gateway) return this.gateway;
    this.gateway = await this.fetchGateway();
    return this.gateway;
  }

  async getShardIds() {
    if (this.shardIds) return this.shardIds;
    const { shards } = await this.fetchGatewayInformation();
    this.shardIds = Array.from({ length: shards }, (_, i) => i);
    return this.shardIds;
  }

  async connect() {
    const shardIds = await this.getShardIds();
    const gateway = await this.fetchGatewayInformation();
    return { shardIds, gateway };
  }
}
