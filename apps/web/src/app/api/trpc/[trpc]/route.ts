/** The tRPC endpoint (/api/trpc): every procedure over HTTP, GET for queries and POST for mutations. */
import { appRouter, createContextInner } from "@claimdesk/api";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { getAnalystId, getDb } from "~/server/db";

// Reads and writes the database per request: never prerender or cache it.
export const dynamic = "force-dynamic";

function handler(req: Request) {
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    router: appRouter,
    req,
    createContext: () => createContextInner({ db: getDb(), analystId: getAnalystId() }),
    onError({ path, error }) {
      // Client mistakes (bad input, conflicts, not found) are answered, not logged as failures.
      if (error.code === "INTERNAL_SERVER_ERROR") {
        console.error(`tRPC ${path ?? "<no path>"} failed:`, error.cause ?? error);
      }
    },
  });
}

export { handler as GET, handler as POST };
