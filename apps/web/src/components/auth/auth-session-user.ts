"use client";
/** The signed-in user in client components (auth.status), for hiding controls their role lacks.
 * The server refuses such calls anyway; this only avoids offering what would fail. */
import { roleAtLeast, type TUserRole } from "@claimdesk/types";
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "~/trpc/react";

export function useSessionUser() {
  const trpc = useTRPC();
  const status = useQuery({ ...trpc.auth.status.queryOptions(), staleTime: 5 * 60_000 });
  const user = status.data?.user ?? null;
  return {
    user,
    /** True until the role is known (no flicker for the many who may), then the role's answer. */
    can: (least: TUserRole) => (user === null ? status.isPending : roleAtLeast(user.role, least)),
  };
}
