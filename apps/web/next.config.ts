/** Next.js config: workspace packages ship TypeScript source; better-sqlite3 stays a native require. */
import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  transpilePackages: ["@claimdesk/api", "@claimdesk/db", "@claimdesk/export", "@claimdesk/types"],
  // A native addon: bundling it breaks its .node binding lookup.
  serverExternalPackages: ["better-sqlite3"],
};

export default nextConfig;
