"use client";
/**
 * Ctrl+Z / Ctrl+Shift+Z on the article page: undoes or redoes my last saved change by sending its
 * inverse patch through claim.update / annotation.upsert with the version the cache holds now. A
 * change that someone (or another tab) has overwritten since is not undone; a conflict reloads.
 */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useCallback, useRef } from "react";
import {
  annotationValues,
  claimValues,
  holds,
  type UndoEntry,
  undoHistoryFor,
} from "~/lib/undo-history";
import { isConflict } from "~/trpc/errors";
import { useTRPC } from "~/trpc/react";
import { useArticleCache } from "~/trpc/use-article-cache";
import { type EditableField, FIELD_LABELS } from "./claim-field-info";

function describeEntry(entry: UndoEntry): string {
  const fields = Object.keys(entry.after)
    .filter((k) => k !== "cueLemma")
    .map((k) => FIELD_LABELS[k as EditableField] ?? k);
  return `${fields.join(", ").toLowerCase() || "change"} of claim #${entry.claimId}`;
}

export function useUndo(articleId: number) {
  const trpc = useTRPC();
  const cache = useArticleCache(articleId);
  const queryClient = useQueryClient();
  const updateClaim = useMutation(trpc.claim.update.mutationOptions());
  const upsertAnnotation = useMutation(trpc.annotation.upsert.mutationOptions());
  const queue = useRef<Promise<unknown>>(Promise.resolve());

  /** Applies `to` over `from` for the entry's record; returns a message for the analyst. */
  const apply = useCallback(
    async (entry: UndoEntry, direction: "undo" | "redo"): Promise<string> => {
      const verb = direction === "undo" ? "Undone" : "Redone";
      const claim = cache.getClaim(entry.claimId);
      if (!claim) return `Cannot ${direction}: claim #${entry.claimId} is no longer here.`;
      const changedSince = `Cannot ${direction} the ${describeEntry(entry)}: it has been changed since.`;
      try {
        if (entry.kind === "claim") {
          const [from, to] =
            direction === "undo" ? [entry.after, entry.before] : [entry.before, entry.after];
          const keys = Object.keys(from) as (keyof typeof from)[];
          if (!holds(claimValues(claim, keys), from)) return changedSince;
          cache.putClaim(
            await updateClaim.mutateAsync({ id: claim.id, version: claim.version, patch: to }),
          );
        } else {
          const [from, to] =
            direction === "undo" ? [entry.after, entry.before] : [entry.before, entry.after];
          const keys = Object.keys(from) as (keyof typeof from)[];
          if (!holds(annotationValues(claim.annotation, keys), from)) return changedSince;
          cache.putAnnotation(
            await upsertAnnotation.mutateAsync({
              claimId: claim.id,
              version: claim.annotation?.version ?? null,
              values: to,
            }),
          );
        }
      } catch (error) {
        if (isConflict(error)) {
          await cache.reloadClaim(claim.id);
          return `Not ${verb.toLowerCase()}: claim #${claim.id} was changed elsewhere; the current values are shown.`;
        }
        return `Not ${verb.toLowerCase()}: ${(error as Error).message}`;
      } finally {
        void queryClient.invalidateQueries({
          queryKey: trpc.history.forClaim.queryKey({ claimId: claim.id }),
        });
        void queryClient.invalidateQueries({
          queryKey: trpc.annotation.forClaim.queryKey({ claimId: claim.id }),
        });
      }
      const history = undoHistoryFor(articleId);
      if (direction === "undo") history.undone();
      else history.redone();
      return `${verb}: ${describeEntry(entry)}.`;
    },
    [articleId, cache, queryClient, trpc, updateClaim, upsertAnnotation],
  );

  const run = useCallback(
    (direction: "undo" | "redo"): Promise<string> => {
      const next = queue.current.then(() => {
        const history = undoHistoryFor(articleId);
        const entry = direction === "undo" ? history.peekUndo() : history.peekRedo();
        if (!entry) return direction === "undo" ? "Nothing to undo." : "Nothing to redo.";
        return apply(entry, direction);
      });
      queue.current = next.catch(() => undefined);
      return next;
    },
    [apply, articleId],
  );

  return {
    undo: useCallback(() => run("undo"), [run]),
    redo: useCallback(() => run("redo"), [run]),
  };
}
