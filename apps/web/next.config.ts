/** Next.js config: workspace packages ship TypeScript source; better-sqlite3 stays a native require. */
import type { NextConfig } from "next";

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
};

export default nextConfig;
