/** Typed domain errors thrown by the query functions; the API maps them to tRPC codes. */
import type { Adjudication } from "./adjudications";
import type { Annotation, ClaimWithDetails, Source } from "./records";

/** A record the caller named does not exist. */
export class NotFoundError extends Error {
  override name = "NotFoundError";
  constructor(
    readonly entity: string,
    readonly id: number,
  ) {
    super(`${entity} ${id} not found`);
  }
}

/** What a conflict carries: the record as it is now, so the UI can show it next to the edit. */
export type ConflictCurrent =
  | { entity: "claim"; record: ClaimWithDetails }
  | { entity: "annotation"; record: Annotation | null }
  | { entity: "adjudication"; record: Adjudication | null }
  | { entity: "source"; record: Source };

/** The caller's version is stale (optimistic concurrency) or a unique name is taken. */
export class ConflictError extends Error {
  override name = "ConflictError";
  constructor(
    message: string,
    readonly current: ConflictCurrent,
  ) {
    super(message);
  }
}

/** Input that is well-formed but wrong against the data (e.g. a span that misses the text). */
export class InvalidInputError extends Error {
  override name = "InvalidInputError";
  constructor(
    /** The input field at fault, as the form names it ("content", "sourceId"). */
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/** A span whose offsets fall outside the article or whose `exact` is not the text at them. */
export class InvalidSpanError extends InvalidInputError {
  override name = "InvalidSpanError";
}

/** The caller may not do this with this record (e.g. a second first-run admin, or reading another
 * analyst's annotation before submitting one's own). */
export class ForbiddenError extends Error {
  override name = "ForbiddenError";
}
