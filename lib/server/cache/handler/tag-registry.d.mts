// Types of tag-registry.mjs (plain JavaScript: Next imports it at run time, unbundled).
export type Stamp = { version: number; at: number };
export type TagState = { version: number; revalidatedAt: number; expireSeconds: number | null; localAt: number };

export class TagRegistry {
  constructor(options?: {
    connectionString?: string | null;
    queryTimeoutMs?: number;
    retryAfterMs?: number;
    maxLagMs?: number;
    log?: (message: string, error?: unknown) => void;
    onReset?: () => void;
  });
  onReset: () => void;
  readonly shared: boolean;
  readonly tags: Map<string, TagState>;
  readonly known: number;
  readonly pending: Map<string, number | null>;
  stamp(): Stamp;
  check(tags: Iterable<string>, stamp: Stamp): "fresh" | "stale" | "expired";
  revalidate(tags: string[], expireSeconds: number | null): Promise<void>;
  sync(): Promise<boolean>;
  /** One database round trip of sync() (tests replace it). */
  round(): Promise<boolean>;
  close(): Promise<void>;
}
