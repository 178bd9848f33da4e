/** Next.js config: workspace packages ship TypeScript source; better-sqlite3 stays a native require. */
import type { NextConfig } from "next";

/** On every response (pages, API, static files): never sniff a type, never be framed, send only
 * the origin to other sites. Pages add their nonce CSP in src/proxy.ts (it holds
 * frame-ancestors 'none' too). */
const SECURITY_HEADERS = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
];

/** The API answers JSON and downloads: nothing in them may load or run anything, or be framed. */
const API_CONTENT_SECURITY_POLICY =
  "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

const nextConfig: NextConfig = {
  reactStrictMode: true,
  // Lets parallel checkouts or test runs build side by side (e.g. NEXT_DIST_DIR=.next-e2e-3101).
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  poweredByHeader: false,
  transpilePackages: [
    "@claimdesk/agreement",
    "@claimdesk/api",
    "@claimdesk/auth",
    "@claimdesk/db",
    "@claimdesk/export",
    "@claimdesk/types",
  ],
  // A native addon: bundling it breaks its .node binding lookup.
  serverExternalPackages: ["better-sqlite3"],
  async headers() {
    return [
      { source: "/:path*", headers: SECURITY_HEADERS },
      {
        source: "/api/:path*",
        headers: [{ key: "Content-Security-Policy", value: API_CONTENT_SECURITY_POLICY }],
      },
    ];
  },
};

export default nextConfig;
