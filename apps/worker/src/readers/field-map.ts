/** Maps a JSONL object's fields or a CSV row's columns onto article fields (`--map title=headline,…`). */

import {
  ARTICLE_FIELD_NAMES,
  MAX_ARTICLE_CHARS,
  type TArticleFieldName,
  type TArticleFields,
  ZArticleFieldNameSchema,
} from "@claimdesk/types";
import { toIsoDate } from "./published-date";

/** Article field → the record's field (JSONL key or CSV column) that holds it. */
export type FieldMap = Partial<Record<TArticleFieldName, string>>;

/**
 * Names tried, in order, when `--map` does not name a field; compared case-insensitively and
 * ignoring anything but letters and digits ("Body ID" = "bodyid"). These cover the corpora in
 * ../shared/corpora: Reuters-21578 (newid, date, title, body), BBC (id, title, body), FNC-1
 * ("Body ID", articleBody), PolNeAR (id, publisher, publication_date, author, title, text).
 */
export const DEFAULT_FIELD_NAMES: Readonly<Record<TArticleFieldName, readonly string[]>> = {
  externalId: ["externalId", "id", "newid", "bodyId", "docId", "articleId", "guid", "uuid"],
  title: ["title", "headline", "heading"],
  body: ["body", "text", "articleBody", "content", "article", "mainText", "story"],
  url: ["url", "link", "canonicalUrl", "uri"],
  publisher: ["publisher", "siteName", "source", "outlet", "site", "domain"],
  publishedAt: ["publishedAt", "datePublished", "publicationDate", "published", "date", "pubDate"],
  byline: ["byline", "author", "authors", "creator"],
};

const keyOf = (name: string) => name.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");

/**
 * Parses `--map title=headline,body=articleBody`. Throws an Error naming the bad entry: an unknown
 * article field, a missing "=", an empty source name or a field mapped twice.
 */
export function parseFieldMap(spec: string): FieldMap {
  const map: FieldMap = {};
  for (const entry of spec.split(",")) {
    const trimmed = entry.trim();
    if (trimmed === "") continue;
    const eq = trimmed.indexOf("=");
    if (eq < 0)
      throw new Error(
        `--map entry "${trimmed}" has no "=": write field=source, e.g. body=articleBody`,
      );
    const field = trimmed.slice(0, eq).trim();
    const source = trimmed.slice(eq + 1).trim();
    const parsed = ZArticleFieldNameSchema.safeParse(field);
    if (!parsed.success) {
      throw new Error(
        `--map entry "${trimmed}": "${field}" is not an article field (one of ${ARTICLE_FIELD_NAMES.join(", ")})`,
      );
    }
    if (source === "") throw new Error(`--map entry "${trimmed}": no source field after "="`);
    if (map[parsed.data] !== undefined) throw new Error(`--map maps "${field}" twice`);
    map[parsed.data] = source;
  }
  return map;
}

/**
 * Resolves which of `available` (the record's keys or the CSV header) feeds each article field:
 * an explicit mapping (exact name, else the same name ignoring case and punctuation), else the
 * first default name present. Returns the article field → available name.
 */
export function resolveFieldMap(available: readonly string[], explicit: FieldMap = {}): FieldMap {
  const byKey = new Map<string, string>();
  for (const name of available) if (!byKey.has(keyOf(name))) byKey.set(keyOf(name), name);
  const resolved: FieldMap = {};
  for (const field of ARTICLE_FIELD_NAMES) {
    const wanted = explicit[field];
    if (wanted !== undefined) {
      const found = available.includes(wanted) ? wanted : byKey.get(keyOf(wanted));
      if (found !== undefined) resolved[field] = found;
      continue;
    }
    for (const candidate of DEFAULT_FIELD_NAMES[field]) {
      const found = byKey.get(keyOf(candidate));
      if (found !== undefined) {
        resolved[field] = found;
        break;
      }
    }
  }
  return resolved;
}

/** Why no body field was found, worded for the import report. */
export function describeMissingBody(available: readonly string[], explicit: FieldMap): string {
  const names = available.map((n) => JSON.stringify(n)).join(", ") || "none";
  return explicit.body !== undefined
    ? `no field "${explicit.body}" (given by --map body=…); fields are ${names}`
    : `no body field: none of ${DEFAULT_FIELD_NAMES.body.join(", ")} among ${names}; name it with --map body=<field>`;
}

function asText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return value.trim() === "" ? null : value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  // Author lists and the like: ["A", "B"] → "A, B".
  if (Array.isArray(value) && value.every((v) => typeof v === "string")) {
    return value.length === 0 ? null : value.join(", ");
  }
  return JSON.stringify(value);
}

export type MappedFields = { ok: true; fields: TArticleFields } | { ok: false; reason: string };

/**
 * Builds the article fields of one record through a resolved map. A record without a body, or
 * whose body is over the article size limit, is refused with the reason.
 */
export function mapRecord(get: (name: string) => unknown, resolved: FieldMap): MappedFields {
  const read = (field: TArticleFieldName): string | null => {
    const name = resolved[field];
    return name === undefined ? null : asText(get(name));
  };
  const body = read("body");
  if (body === null) {
    return {
      ok: false,
      reason: `empty body: field "${resolved.body ?? "body"}" is missing or blank`,
    };
  }
  if (body.length > MAX_ARTICLE_CHARS) {
    const mb = (body.length / 1_000_000).toFixed(1);
    return { ok: false, reason: `too large: the body has ${mb} M characters, over the 2 M limit` };
  }
  const publishedAt = read("publishedAt");
  return {
    ok: true,
    fields: {
      externalId: read("externalId"),
      title: read("title"),
      body,
      url: read("url"),
      publisher: read("publisher"),
      publishedAt: publishedAt === null ? null : toIsoDate(publishedAt),
      byline: read("byline"),
    },
  };
}
