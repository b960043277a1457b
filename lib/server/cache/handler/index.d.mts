// Types of index.mjs (plain JavaScript: Next imports it at run time, unbundled).
import type { TagRegistry } from "./tag-registry.mjs";

export type CacheValue = { kind: string; [field: string]: unknown } | null;
export type CacheContext = { kind?: string; tags?: string[]; softTags?: string[]; revalidate?: number | false; fetchCache?: boolean; cacheControl?: unknown };
export type CacheHit = { lastModified: number; value: CacheValue; cacheControl?: unknown };

export function entryTags(value: CacheValue, tags?: string[]): string[];
export function entrySize(key: string, value: CacheValue): number;

export class ClusterCache {
  constructor(options: { registry: TagRegistry; maxBytes?: number });
  readonly registry: TagRegistry;
  get(key: string, ctx?: CacheContext): Promise<CacheHit | null>;
  set(key: string, value: CacheValue, ctx?: CacheContext): Promise<void>;
  revalidateTag(tags: string | string[], durations?: { expire?: number }): Promise<void>;
}

export default class CacheHandler {
  constructor(options?: { maxMemoryCacheSize?: number });
  get(key: string, ctx?: CacheContext): Promise<CacheHit | null>;
  set(key: string, value: CacheValue, ctx?: CacheContext): Promise<void>;
  revalidateTag(tags: string | string[], durations?: { expire?: number }): Promise<void>;
  resetRequestCache(): void;
}
