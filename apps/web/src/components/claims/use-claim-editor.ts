"use client";
/**
 * Saves edits to one claim and to the analyst's annotation of it. Saves run one at a time, each
 * with the version the cache holds at that moment, so quick successive edits never conflict with
 * each other; a real conflict (someone else's save) reloads the claim and says what it is now.
 */
import {
  reportingStanceForCue,
  type TAnnotationUpsertInput,
  type TClaimUpdateInput,
} from "@claimdesk/types";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useCallback, useRef, useState } from "react";
import { annotationValues, claimValues, undoHistoryFor } from "~/lib/undo-history";
import { fieldMessage, isConflict } from "~/trpc/errors";
import { useTRPC } from "~/trpc/react";
import type { ClaimDetail } from "~/trpc/types";
import { useArticleCache } from "~/trpc/use-article-cache";
import {
  ANNOTATION_FIELDS,
  type AnnotationField,
  type ClaimField,
  displayValue,
  type EditableField,
  FIELD_LABELS,
} from "./claim-field-info";

type ClaimPatch = TClaimUpdateInput["patch"];
type AnnotationValues = TAnnotationUpsertInput["values"];

/** A copy of a partial record without one key. */
function without<T extends object>(record: T, key: keyof T): T {
  const { [key]: _dropped, ...rest } = record;
  return rest as T;
}

export function useClaimEditor(claim: ClaimDetail) {
  const trpc = useTRPC();
  const cache = useArticleCache(claim.articleId);
  const updateClaim = useMutation(trpc.claim.update.mutationOptions());
  const upsertAnnotation = useMutation(trpc.annotation.upsert.mutationOptions());
  const submitAnnotation = useMutation(trpc.annotation.submit.mutationOptions());
  const queryClient = useQueryClient();
  const [submitError, setSubmitError] = useState<string | null>(null);
  /**
   * The claim's side-by-side annotations, decision and history are stale after any save of mine
   * (submitting lifts the blind rule on the others' annotations and the decision).
   */
  const refreshSideViews = useCallback(() => {
    void queryClient.invalidateQueries({
      queryKey: trpc.annotation.forClaim.queryKey({ claimId: claim.id }),
    });
    void queryClient.invalidateQueries({
      queryKey: trpc.adjudication.byClaim.queryKey({ claimId: claim.id }),
    });
    void queryClient.invalidateQueries({
      queryKey: trpc.history.forClaim.queryKey({ claimId: claim.id }),
    });
  }, [queryClient, trpc, claim.id]);
  // Values shown while their save is under way; `token` tells the latest edit of a field apart.
  const [optimistic, setOptimistic] = useState<
    Partial<Record<EditableField, { value: unknown; token: number }>>
  >({});
  const [errors, setErrors] = useState<Partial<Record<EditableField, string>>>({});
  const [conflict, setConflict] = useState<string | null>(null);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const tokens = useRef(0);

  const enqueue = useCallback(
    (field: EditableField, value: unknown, send: (current: ClaimDetail) => Promise<void>) => {
      const token = ++tokens.current;
      setOptimistic((o) => ({ ...o, [field]: { value, token } }));
      setErrors((e) => without(e, field));
      setConflict(null);
      queue.current = queue.current.then(async () => {
        const current = cache.getClaim(claim.id);
        try {
          if (current) await send(current);
        } catch (error) {
          if (isConflict(error)) {
            const now = await cache.reloadClaim(claim.id);
            const mine = (ANNOTATION_FIELDS as readonly string[]).includes(field);
            setConflict(
              `Not saved: ${
                mine
                  ? "your annotation of this claim was changed elsewhere (in another tab or window?)"
                  : "this claim was changed elsewhere"
              } after you loaded it. ${
                now
                  ? `The current values are shown; ${FIELD_LABELS[field]} is now ${displayValue(field, now)}.`
                  : "It no longer exists."
              } ${
                field === "note"
                  ? "Your text is kept in the field: leave the field again to save it over this one."
                  : "Make your change again if it still applies."
              }`,
            );
          } else {
            setErrors((e) => ({ ...e, [field]: fieldMessage(error, field, ["patch", "values"]) }));
          }
        } finally {
          setOptimistic((o) => (o[field]?.token === token ? without(o, field) : o));
          refreshSideViews();
        }
      });
    },
    [cache, claim.id, refreshSideViews],
  );

  const saveClaim = useCallback(
    <F extends ClaimField & keyof ClaimPatch>(
      field: F,
      value: ClaimPatch[F],
      /** Fields that change with it (a newly marked cue drops the old cue's lemma). */
      alongside: ClaimPatch = {},
    ) =>
      enqueue(field, value, async (current) => {
        const patch: ClaimPatch = { ...alongside, [field]: value };
        const before = claimValues(current, Object.keys(patch) as (keyof ClaimPatch)[]);
        const updated = await updateClaim.mutateAsync({
          id: current.id,
          version: current.version,
          patch,
        });
        cache.putClaim(updated);
        // Ctrl+Z sends `before` back through claim.update (use-undo.ts).
        undoHistoryFor(current.articleId).record({
          kind: "claim",
          claimId: current.id,
          before,
          after: patch,
        });
      }),
    [enqueue, updateClaim, cache],
  );

  const saveAnnotation = useCallback(
    <F extends AnnotationField & keyof AnnotationValues>(field: F, value: AnnotationValues[F]) =>
      enqueue(field, value, async (current) => {
        // The analyst's first judgement of a claim carries the reporting stance its cue suggests
        // (shown pre-filled in the editor) unless they chose one themselves.
        const suggested = current.annotation ? null : reportingStanceForCue(current.cueLemma);
        const values: AnnotationValues = {
          ...(suggested && field !== "reportingStance" ? { reportingStance: suggested } : {}),
          [field]: value,
        };
        const before = annotationValues(
          current.annotation,
          Object.keys(values) as (keyof AnnotationValues)[],
        );
        const annotation = await upsertAnnotation.mutateAsync({
          claimId: current.id,
          version: current.annotation?.version ?? null,
          values,
        });
        cache.putAnnotation(annotation);
        undoHistoryFor(current.articleId).record({
          kind: "annotation",
          claimId: current.id,
          before,
          after: values,
        });
      }),
    [enqueue, upsertAnnotation, cache],
  );

  /**
   * Submits my annotation of the claim, after the saves still queued (so it submits what I see):
   * the others' annotations then show beside mine. Submitting twice is harmless.
   */
  const submit = useCallback(() => {
    setSubmitError(null);
    const done = queue.current.then(async () => {
      try {
        cache.putAnnotation(await submitAnnotation.mutateAsync({ claimId: claim.id }));
      } catch (error) {
        setSubmitError(`Not submitted: ${(error as Error).message}`);
      } finally {
        refreshSideViews();
        // Submitting submits my layer of the whole article: it is final now.
        void queryClient.invalidateQueries({ queryKey: trpc.article.pathKey() });
      }
    });
    queue.current = done;
    return done;
  }, [cache, claim.id, submitAnnotation, refreshSideViews, queryClient, trpc]);

  /** The value to show: the one being saved, else the saved one. */
  const shown = <T>(field: EditableField, saved: T): T =>
    field in optimistic ? (optimistic[field]?.value as T) : saved;

  return {
    saveClaim,
    saveAnnotation,
    shown,
    isSaving: (field: EditableField) => field in optimistic,
    submit,
    submitting: submitAnnotation.isPending,
    submitError,
    errors,
    conflict,
    dismissConflict: () => setConflict(null),
  };
}
