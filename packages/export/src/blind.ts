/**
 * What an export reader may see (the rules are packages/db's layer-view.ts): the claims of the
 * gold layer over the suggestions, held back on articles an analyst has not submitted; every
 * analyst's annotations and layers only where the reader may see them; the adjudication where
 * they see the team's work. Adjudicators, admins and the worker CLI export everything; viewers
 * see gold and the submitted annotations behind it.
 */
import {
  type AnnotationReader,
  type Db,
  type DbExecutor,
  type ExportClaim,
  exportViewOf,
  iterateExportClaims,
  seesDrafts,
  submittedAnalysts,
  visibleAnnotationsOf,
} from "@claimdesk/db";
import type { TClaimFilter } from "@claimdesk/types";

/** Whether `reader` may see analyst `analystId`'s layer of article `articleId`. */
function layerVisibility(
  db: DbExecutor,
  reader: AnnotationReader | undefined,
): ((analystId: number, articleId: number) => boolean) | undefined {
  if (!reader || seesDrafts(reader.role)) return undefined;
  let cachedArticle = -1;
  let submitters = new Set<number>();
  return (analystId, articleId) => {
    if (articleId !== cachedArticle) {
      cachedArticle = articleId;
      submitters = new Set(submittedAnalysts(db, articleId));
    }
    if (analystId === reader.id) return true;
    if (reader.role === "viewer") return submitters.has(analystId);
    return submitters.has(reader.id) && submitters.has(analystId);
  };
}

/** The selected claims as `reader` may see them (all of everything without a reader). */
export function* readableExportClaims(
  db: Db,
  filter: TClaimFilter,
  reader: AnnotationReader | undefined,
  layers = false,
): Generator<ExportClaim> {
  const claims = iterateExportClaims(db, filter, {
    view: exportViewOf(reader),
    layers,
    layerVisible: layerVisibility(db, reader),
  });
  if (!reader || seesDrafts(reader.role)) {
    yield* claims;
    return;
  }
  for (const claim of claims) {
    // With layers every selected claim is read, also those the gold view does not hold: a
    // hand-made claim is for this reader only where gold or a layer they may see holds it.
    if (
      layers &&
      claim.origin === "analyst" &&
      !claim.inLayer &&
      !(claim.layers ?? []).some((l) => l.analyst !== null)
    )
      continue;
    const visible = visibleAnnotationsOf(db, claim.id, reader);
    yield {
      ...claim,
      annotations: claim.annotations.filter((a) => visible.ids.has(a.id)),
      adjudication: visible.seesOthers ? claim.adjudication : null,
    };
  }
}
