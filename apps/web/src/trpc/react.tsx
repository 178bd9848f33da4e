"use client";
import type { AppRouter } from "@claimdesk/api";
/** The browser's tRPC client: TanStack Query options factories over one batched HTTP link. */
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink, TRPCClientError } from "@trpc/client";
import { createTRPCContext } from "@trpc/tanstack-react-query";
import { type ReactNode, useState } from "react";
import { signInUrl } from "~/lib/auth-redirect";

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

/** Client errors (bad input, not found, conflict) will not change on retry; network errors may. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof TRPCClientError) {
    const status = (error.data as { httpStatus?: number } | undefined)?.httpStatus;
    if (status !== undefined && status >= 400 && status < 500) return false;
  }
  return failureCount < 2;
}

/** A session that ended (expired, signed out elsewhere, account disabled): back to sign-in. */
function onSignedOut(error: unknown): void {
  if (typeof window === "undefined" || !(error instanceof TRPCClientError)) return;
  if ((error.data as { code?: string } | undefined)?.code !== "UNAUTHORIZED") return;
  if (window.location.pathname === "/sign-in" || window.location.pathname === "/setup") return;
  window.location.assign(signInUrl(window.location));
}

function makeQueryClient(): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({ onError: onSignedOut }),
    mutationCache: new MutationCache({ onError: onSignedOut }),
    defaultOptions: {
      queries: { staleTime: 30_000, retry: shouldRetry, refetchOnWindowFocus: false },
    },
  });
}

let browserQueryClient: QueryClient | undefined;

/** One client per browser tab; a fresh one per server render so requests never share a cache. */
function getQueryClient(): QueryClient {
  if (typeof window === "undefined") return makeQueryClient();
  browserQueryClient ??= makeQueryClient();
  return browserQueryClient;
}

export function TRPCReactProvider({ children }: { children: ReactNode }) {
  const queryClient = getQueryClient();
  const [trpcClient] = useState(() =>
    createTRPCClient<AppRouter>({
      // No transformer: every output is plain JSON (timestamps arrive as ISO strings).
      links: [httpBatchLink({ url: "/api/trpc" })],
    }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}
