/** The fetch a client is given (a test double, a proxy agent's): only its type says it takes a signal. */
export type FetchLike = (url: string, init?: { method?: string; body?: string; signal?: AbortSignal }) => Promise<{ ok: boolean; status: number }>;

/** A transport declared by its interface: its implementations are not in this project. */
export interface Transport {
  send(body: string, options?: { signal?: AbortSignal }): Promise<void>;
  close(): Promise<void>;
}

export type Delay = (ms: number, signal?: AbortSignal) => Promise<void>;
