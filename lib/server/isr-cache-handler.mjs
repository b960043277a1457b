// @ts-check
// Next's cache of rendered pages (ISR) and of unstable_cache data: the default file-system cache, with
// each cached page's script policy kept alongside it (csp-hashes.mjs). Set as `cacheHandler` in
// next.config.ts. A shared cache handler for several instances would be wrapped the same way.
import fileSystemCache from "next/dist/server/lib/incremental-cache/file-system-cache.js";
import { withCspHashes } from "./csp-hashes.mjs";

// Node's import() sees the CommonJS module (the class under .default); Next's bundle of the proxy, the class.
export default withCspHashes(fileSystemCache.default ?? fileSystemCache);
