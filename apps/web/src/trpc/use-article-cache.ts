"use client";
/** Writes mutation results into the cached article.byId result, so the page updates without a refetch. */
import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useMemo } from "react";
import { useTRPC } from "./react";
import type { Annotation, ArticleDetail, ClaimDetail } from "./types";

/** Claims in reading order: by where their content starts, then oldest first. */
export function byPosition(a: ClaimDetail, b: ClaimDetail): number {
  return a.contentStart - b.contentStart || a.contentEnd - b.contentEnd || a.id - b.id;
}

export function useArticleCache(articleId: number) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const queryKey = useMemo(() => trpc.article.byId.queryKey({ id: articleId }), [trpc, articleId]);

  const update = useCallback(
    (fn: (claims: ClaimDetail[]) => ClaimDetail[]) => {
      // A refetch already in flight was answered before this save: left running, it would
      // overwrite the saved value with the old one (and the next edit would build on that).
      void queryClient.cancelQueries({ queryKey });
      queryClient.setQueryData(queryKey, (old: ArticleDetail | undefined) =>
        old ? { ...old, claims: fn(old.claims) } : old,
      );
    },
    [queryClient, queryKey],
  );

  /** Inserts or replaces one claim. */
  const putClaim = useCallback(
    (claim: ClaimDetail) =>
      update((claims) => [...claims.filter((c) => c.id !== claim.id), claim].sort(byPosition)),
    [update],
  );

  const putAnnotation = useCallback(
    (annotation: Annotation) =>
      update((claims) =>
        claims.map((c) => (c.id === annotation.claimId ? { ...c, annotation } : c)),
      ),
    [update],
  );

  /** The claim as the cache has it now (fresher than any render's props). */
  const getClaim = useCallback(
    (claimId: number): ClaimDetail | undefined =>
      queryClient.getQueryData(queryKey)?.claims.find((c) => c.id === claimId),
    [queryClient, queryKey],
  );

  /** Refetches the article and returns the claim as the server now has it. */
  const reloadClaim = useCallback(
    async (claimId: number): Promise<ClaimDetail | undefined> => {
      await queryClient.invalidateQueries({ queryKey });
      return getClaim(claimId);
    },
    [queryClient, queryKey, getClaim],
  );

  return { putClaim, putAnnotation, getClaim, reloadClaim };
}
