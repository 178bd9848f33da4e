/** The tRPC endpoint (/api/trpc): every procedure over HTTP, GET for queries and POST for mutations. */
import { appRouter, createContextInner } from "@claimdesk/api";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { getSessionUser, isSameOrigin } from "~/server/auth";
import { getDb } from "~/server/db";

// Reads and writes the database per request: never prerender or cache it.
export const dynamic = "force-dynamic";

function handler(req: Request) {
  // CSRF: a mutation must come from this app's own pages (the session cookie is SameSite=Lax
  // too, so this is a second lock on the same door).
  if (req.method === "POST" && !isSameOrigin(req))
    return Response.json(
      {
        error: {
          message: "Cross-site request refused.",
          data: { code: "FORBIDDEN", httpStatus: 403 },
        },
      },
      { status: 403 },
    );
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    router: appRouter,
    req,
    createContext: async () =>
      createContextInner({ db: getDb(), user: await getSessionUser(req.headers) }),
    onError({ path, error }) {
      // Client mistakes (bad input, conflicts, not found) are answered, not logged as failures.
      if (error.code === "INTERNAL_SERVER_ERROR") {
        console.error(`tRPC ${path ?? "<no path>"} failed:`, error.cause ?? error);
      }
    },
  });
}

export { handler as GET, handler as POST };
