// @ts-check
// Next's cache of rendered pages (ISR) and of unstable_cache data, set as `cacheHandler` in next.config.ts:
// the cluster cache (entries in this instance's memory, tag revalidations shared through PostgreSQL:
// cache-handler/index.mjs), with each cached page's script policy kept alongside it (csp-hashes.mjs).
import ClusterCacheHandler from "./handler/index.mjs";
import { withCspHashes } from "../http/csp-hashes.mjs";

export default withCspHashes(ClusterCacheHandler);
