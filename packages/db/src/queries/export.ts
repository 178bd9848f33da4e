/**
 * Exports: stream the selected claims with everything an export needs (article, source,
 * proposition, every analyst's annotation, the adjudicator's decision) in article order, memory
 * flat; and write canonical export lines back (the `import --format claimdesk` round trip).
 *
 * Reading uses one better-sqlite3 `.iterate()` over the selected claims, plus one article lookup
 * and one annotations and one adjudications query per article (sources and propositions cached),
 * so a 1M-claim export never holds more than one article's rows.
 */
import {
  ATTRIBUTION_FIELDS,
  isCanonicalClaimLine,
  JUDGEMENT_FIELD_INFO,
  JUDGEMENT_FIELDS,
  type TAnalyticConfidence,
  type TCanonicalClaimLine,
  type TCanonicalEntityLine,
  type TCanonicalLine,
  type TClaimFilter,
  type TClaimStatus,
  type TCredibility,
  type TDisputeField,
  type TExportAdjudication,
  type TExportLayer,
  type TLikelihood,
  type TQuoteType,
  type TReliability,
  type TReportingStance,
  type TSourceAffiliation,
  type TSourceKind,
  type TSourceStance,
  type TVerdict,
} from "@claimdesk/types";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../client";
import {
  adjudications,
  annotations,
  annotationTags,
  articleSubmissions,
  articles,
  claimLayers,
  claims,
  propositions,
  sourceAliases,
  sources,
  users,
} from "../schema";
import { claimFilterWhere, countClaimsMatching, viewWhere } from "./claim-filter";
import { type DbExecutor, writeTransaction } from "./executor";
import { rebuildGold } from "./gold";
import { effColumns, layer, layerJoin, type View } from "./layer-view";
import { normaliseSourceKey } from "./sources";

export interface ExportArticle {
  id: number;
  externalId: string | null;
  collection: string | null;
  url: string | null;
  title: string | null;
  publisher: string | null;
  byline: string | null;
  publishedAt: string | null;
  language: string | null;
  text: string;
  textSha256: string;
  extractor: string;
  createdAt: string;
}

export interface ExportSource {
  id: number;
  name: string;
  aliases: string[];
  kind: TSourceKind;
  affiliation: TSourceAffiliation;
  country: string | null;
  reliability: TReliability;
}

export interface ExportAnnotation {
  id: number;
  analyst: { id: number; name: string };
  sourceStance: TSourceStance | null;
  reportingStance: TReportingStance | null;
  likelihood: TLikelihood | null;
  analyticConfidence: TAnalyticConfidence | null;
  verdict: TVerdict | null;
  credibility: TCredibility | null;
  note: string | null;
  tags: string[];
  version: number;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
}

/** One selected claim with its context. `article` is the same object for every claim of it. */
export interface ExportClaim {
  id: number;
  status: TClaimStatus;
  origin: string;
  score: number | null;
  quoteType: TQuoteType;
  cueLemma: string | null;
  parentClaimId: number | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  content: { start: number; end: number; exact: string };
  sourceMention: { start: number; end: number; exact: string } | null;
  cue: { start: number; end: number; exact: string } | null;
  article: ExportArticle;
  source: ExportSource | null;
  proposition: { id: number; text: string } | null;
  annotations: ExportAnnotation[];
  /** The adjudicator's decision, if the claim was adjudicated. */
  adjudication: TExportAdjudication | null;
  /** Every layer (the proposal, then each analyst's), when read with `layers`. */
  layers?: TExportLayer[];
  /** With `layers`: who submitted their layer of the claim's article (as the reader may see). */
  submissions?: { analyst: { id: number; name: string }; submittedAt: string }[];
  /** With `layers`: whether the view's layer holds the claim (false: the top-level values are
   * the proposal's: an unreviewed suggestion, or a hand-made claim no gold decision holds). */
  inLayer?: boolean;
}

// Bulk-written rows share timestamps: remember the last conversion.
let lastMs = Number.NaN;
let lastIso = "";
const iso = (ms: number): string => {
  if (ms !== lastMs) {
    lastMs = ms;
    lastIso = new Date(ms).toISOString();
  }
  return lastIso;
};

type Cell = string | number | null;

function span(start: Cell, end: Cell, exact: Cell) {
  if (start === null || end === null || exact === null) return null;
  return { start: Number(start), end: Number(end), exact: String(exact) };
}

/** Exports read the gold layer over the suggestions (layer-view.ts). */
export const GOLD_VIEW: View = { kind: "gold" };

/** How many claims `filter` selects in `view` (gold by default). */
export function countExportClaims(
  db: DbExecutor,
  filter: TClaimFilter,
  view: View = GOLD_VIEW,
): number {
  return countClaimsMatching(db, filter, view);
}

export interface ExportReadOptions {
  /** Whose decisions the lines carry: gold (the default) or one analyst's layer. */
  view?: View;
  /**
   * Also load the layers of each claim (the proposal and each analyst's) into `layers`, and
   * select every claim the filter matches, not only those the view holds (a hand-made claim no
   * gold decision holds is exported with its layers, `inView` false).
   */
  layers?: boolean;
  /** Which analysts' layers the reader may see (the blind rule); all when omitted. */
  layerVisible?: (analystId: number, articleId: number) => boolean;
}

/**
 * The selected claims in article order (article id, then content start), as a lazy iterator.
 * The connection stays busy reading until the iterator finishes or is returned.
 */
export function* iterateExportClaims(
  db: Db,
  filter: TClaimFilter,
  options: ExportReadOptions = {},
): Generator<ExportClaim> {
  const view = options.view ?? GOLD_VIEW;
  // Built with Drizzle for the filter's SQL, then run raw: arrays are cheaper than objects at 1M rows.
  const query = db
    .select({
      id: claims.id,
      articleId: claims.articleId,
      contentStart: effColumns.contentStart,
      contentEnd: effColumns.contentEnd,
      contentText: effColumns.contentText,
      sourceStart: effColumns.sourceStart,
      sourceEnd: effColumns.sourceEnd,
      sourceText: effColumns.sourceText,
      cueStart: effColumns.cueStart,
      cueEnd: effColumns.cueEnd,
      cueText: effColumns.cueText,
      cueLemma: effColumns.cueLemma,
      quoteType: effColumns.quoteType,
      parentClaimId: effColumns.parentClaimId,
      status: effColumns.status,
      origin: claims.origin,
      score: claims.score,
      version: effColumns.version,
      createdAt: claims.createdAt,
      updatedAt: sql<number>`coalesce(${layer.updatedAt}, ${claims.updatedAt})`,
      // Sources and propositions are few and repeat: looked up once each and cached, rather
      // than joined and decoded again on every row.
      sourceId: effColumns.sourceId,
      propositionId: effColumns.propositionId,
      inLayer: sql<number>`${layer.id} is not null`,
    })
    .from(claims)
    .leftJoin(layer, layerJoin(view))
    .where(options.layers ? claimFilterWhere(filter, view) : viewWhere(filter, view))
    .orderBy(asc(claims.articleId), asc(effColumns.contentStart), asc(claims.id))
    .toSQL();
  const client = db.$client;
  const articleStmt = client
    .prepare(
      `select id, external_id, collection, url, title, publisher, byline, published_at, language, text,
              text_sha256, extractor, created_at from articles where id = ?`,
    )
    .raw(true);
  const annotationStmt = client
    .prepare(
      `select a.claim_id, a.id, a.analyst_id, u.name, ${judgementColumnsOf("a")}, a.note, a.tags,
              a.version, a.created_at, a.updated_at, a.submitted_at
         from annotations a join users u on u.id = a.analyst_id
        where a.claim_id in (select id from claims where article_id = ?)
        order by a.claim_id, a.analyst_id`,
    )
    .raw(true);

  const adjudicationStmt = client
    .prepare(
      `select d.claim_id, d.adjudicator_id, u.name, ${judgementColumnsOf("d")}, d.note, d.version,
              d.created_at, d.updated_at, d.decided_fields, d.status, d.content_start,
              d.content_end, d.content_text, d.source_start, d.source_end, d.source_text,
              d.cue_start, d.cue_end, d.cue_text, d.source_id, d.quote_type, d.proposition_id
         from adjudications d join users u on u.id = d.adjudicator_id
        where d.claim_id in (select id from claims where article_id = ?)`,
    )
    .raw(true);
  // Every layer of the article's claims: the proposals (analyst null) and each analyst's.
  const layerStmt = client
    .prepare(
      `select c.id, null, null, null, c.status, c.quote_type, c.cue_lemma, c.parent_claim_id,
              c.content_start, c.content_end, c.content_text, c.source_start, c.source_end,
              c.source_text, c.cue_start, c.cue_end, c.cue_text, c.source_id, c.proposition_id,
              c.version, c.created_at, c.updated_at
         from claims c where c.article_id = ?
       union all
       select l.claim_id, l.analyst_id, u.name, s.created_at, l.status, l.quote_type, l.cue_lemma,
              l.parent_claim_id, l.content_start, l.content_end, l.content_text, l.source_start,
              l.source_end, l.source_text, l.cue_start, l.cue_end, l.cue_text, l.source_id,
              l.proposition_id, l.version, l.created_at, l.updated_at
         from claim_layers l join users u on u.id = l.analyst_id
         left join article_submissions s on s.article_id = l.article_id and s.analyst_id = l.analyst_id
        where l.article_id = ? and l.kind = 'analyst'
        order by 1, 2`,
    )
    .raw(true);

  const submissionStmt = client
    .prepare(
      `select s.analyst_id, u.name, s.created_at from article_submissions s
         join users u on u.id = s.analyst_id where s.article_id = ? order by s.analyst_id`,
    )
    .raw(true);

  const sourceStmt = client
    .prepare(
      "select id, name, aliases, kind, affiliation, country, reliability from sources where id = ?",
    )
    .raw(true);
  const propositionStmt = client
    .prepare("select id, text from propositions where id = ?")
    .raw(true);

  // Opened last, once every statement is prepared: an open iterator keeps the connection busy,
  // and the for-of below closes it however the loop ends (error, or the consumer's return()).
  const rows = client
    .prepare(query.sql)
    .raw(true)
    .iterate(...(query.params as Cell[])) as IterableIterator<Cell[]>;
  let article: ExportArticle | null = null;
  let byClaim = new Map<number, ExportAnnotation[]>();
  let decisions = new Map<number, TExportAdjudication>();
  let layersByClaim = new Map<number, TExportLayer[]>();
  let submissions: NonNullable<ExportClaim["submissions"]> = [];
  const sourceCache = new Map<number, ExportSource>();
  const propositionCache = new Map<number, { id: number; text: string }>();
  const sourceOf = (sourceId: number | null): ExportSource | null => {
    if (sourceId === null) return null;
    let source = sourceCache.get(sourceId) ?? null;
    if (source === null) {
      const row = sourceStmt.get(sourceId) as Cell[];
      source = {
        id: sourceId,
        name: String(row[1]),
        aliases: JSON.parse(String(row[2])) as string[],
        kind: row[3] as TSourceKind,
        affiliation: row[4] as TSourceAffiliation,
        country: row[5] as string | null,
        reliability: row[6] as TReliability,
      };
      if (sourceCache.size > 50_000) sourceCache.clear();
      sourceCache.set(sourceId, source);
    }
    return source;
  };
  const propositionOf = (propositionId: number | null): { id: number; text: string } | null => {
    if (propositionId === null) return null;
    let proposition = propositionCache.get(propositionId) ?? null;
    if (proposition === null) {
      const row = propositionStmt.get(propositionId) as Cell[];
      proposition = { id: propositionId, text: String(row[1]) };
      if (propositionCache.size > 50_000) propositionCache.clear();
      propositionCache.set(propositionId, proposition);
    }
    return proposition;
  };
  for (const r of rows) {
    const articleId = Number(r[1]);
    if (article === null || article.id !== articleId) {
      article = loadArticle(articleStmt.get(articleId) as Cell[]);
      byClaim = loadAnnotations(annotationStmt.all(articleId) as Cell[][]);
      decisions = loadAdjudications(
        adjudicationStmt.all(articleId) as Cell[][],
        sourceOf,
        propositionOf,
      );
      if (options.layers) {
        const visible = options.layerVisible;
        layersByClaim = loadLayers(
          (layerStmt.all(articleId, articleId) as Cell[][]).filter(
            (l) => l[1] === null || visible === undefined || visible(Number(l[1]), articleId),
          ),
          sourceOf,
          propositionOf,
        );
        submissions = (submissionStmt.all(articleId) as Cell[][])
          .filter((r) => visible === undefined || visible(Number(r[0]), articleId))
          .map((r) => ({
            analyst: { id: Number(r[0]), name: String(r[1]) },
            submittedAt: iso(Number(r[2])),
          }));
      }
    }
    const source = sourceOf(r[20] as number | null);
    const proposition = propositionOf(r[21] as number | null);
    const id = Number(r[0]);
    yield {
      id,
      content: { start: Number(r[2]), end: Number(r[3]), exact: String(r[4]) },
      sourceMention: span(r[5] as Cell, r[6] as Cell, r[7] as Cell),
      cue: span(r[8] as Cell, r[9] as Cell, r[10] as Cell),
      cueLemma: r[11] as string | null,
      quoteType: r[12] as TQuoteType,
      parentClaimId: r[13] as number | null,
      status: r[14] as TClaimStatus,
      origin: String(r[15]),
      score: r[16] as number | null,
      version: Number(r[17]),
      createdAt: iso(Number(r[18])),
      updatedAt: r[19] === r[18] ? iso(Number(r[18])) : iso(Number(r[19])),
      article,
      source,
      proposition,
      annotations: byClaim.get(id) ?? [],
      adjudication: decisions.get(id) ?? null,
      ...(options.layers
        ? { layers: layersByClaim.get(id) ?? [], inLayer: r[22] === 1, submissions }
        : {}),
    };
  }
}

type SourceOf = (id: number | null) => ExportSource | null;
type PropositionOf = (id: number | null) => { id: number; text: string } | null;

/** The layer rows of `layerStmt`, by claim: the proposal first, then analysts by id. */
function loadLayers(
  rows: Cell[][],
  sourceOf: SourceOf,
  propositionOf: PropositionOf,
): Map<number, TExportLayer[]> {
  const map = new Map<number, TExportLayer[]>();
  for (const r of rows) {
    const claimId = Number(r[0]);
    const entry: TExportLayer = {
      analyst: r[1] === null ? null : { id: Number(r[1]), name: String(r[2]) },
      submittedAt: r[3] === null ? null : iso(Number(r[3])),
      status: r[4] as TClaimStatus,
      quoteType: r[5] as TQuoteType,
      cueLemma: r[6] as string | null,
      parentClaimId: r[7] as number | null,
      content: { start: Number(r[8]), end: Number(r[9]), exact: String(r[10]) },
      sourceMention: span(r[11] as Cell, r[12] as Cell, r[13] as Cell),
      cue: span(r[14] as Cell, r[15] as Cell, r[16] as Cell),
      source: sourceOf(r[17] as number | null),
      proposition: propositionOf(r[18] as number | null),
      version: Number(r[19]),
      createdAt: iso(Number(r[20])),
      updatedAt: iso(Number(r[21])),
    };
    const list = map.get(claimId);
    if (list) list.push(entry);
    else map.set(claimId, [entry]);
  }
  return map;
}

/** Whether a filter selects every claim (no criterion set). */
export function isUnfilteredSelection(filter: TClaimFilter): boolean {
  return Object.values(filter).every(
    (v) => v === undefined || v === "" || (Array.isArray(v) && v.length === 0),
  );
}

/**
 * What no claim carries, for an unfiltered canonical export: articles with no claims (with
 * their text), then unmerged registry sources and propositions no claim uses, each lazily in id
 * order (one row at a time). Run it after the claims iterator has finished.
 */
export function* iterateUnclaimedEntities(
  db: Db,
  options: { layers?: boolean } = {},
): Generator<UnclaimedEntity> {
  const client = db.$client;
  // What the claim lines carry: the proposals' values and gold's, and with layers every layer's.
  const inLayers = (column: "source_id" | "proposition_id", id: string) =>
    `not exists (select 1 from claim_layers l where l.${column} = ${id}${
      options.layers ? "" : " and l.kind = 'gold'"
    })`;
  const articleRows = client
    .prepare(
      `select id, external_id, collection, url, title, publisher, byline, published_at, language, text,
              text_sha256, extractor, created_at from articles a
        where not exists (select 1 from claims c where c.article_id = a.id) order by id`,
    )
    .raw(true);
  const sourceRows = client
    .prepare(
      `select id, name, aliases, kind, affiliation, country, reliability from sources s
        where s.merged_into_id is null
          and not exists (select 1 from claims c where c.source_id = s.id)
          and ${inLayers("source_id", "s.id")} order by id`,
    )
    .raw(true);
  const propositionRows = client
    .prepare(
      `select id, text from propositions p
        where not exists (select 1 from claims c where c.proposition_id = p.id)
          and ${inLayers("proposition_id", "p.id")} order by id`,
    )
    .raw(true);
  for (const r of articleRows.iterate() as IterableIterator<Cell[]>)
    yield { kind: "article", article: loadArticle(r) };
  for (const r of sourceRows.iterate() as IterableIterator<Cell[]>)
    yield {
      kind: "source",
      source: {
        id: Number(r[0]),
        name: String(r[1]),
        aliases: JSON.parse(String(r[2])) as string[],
        kind: r[3] as TSourceKind,
        affiliation: r[4] as TSourceAffiliation,
        country: r[5] as string | null,
        reliability: r[6] as TReliability,
      },
    };
  for (const r of propositionRows.iterate() as IterableIterator<Cell[]>)
    yield { kind: "proposition", proposition: { id: Number(r[0]), text: String(r[1]) } };
}

export type UnclaimedEntity =
  | { kind: "article"; article: ExportArticle }
  | { kind: "source"; source: ExportSource }
  | { kind: "proposition"; proposition: { id: number; text: string } };

function loadArticle(r: Cell[]): ExportArticle {
  return {
    id: Number(r[0]),
    externalId: r[1] as string | null,
    collection: r[2] as string | null,
    url: r[3] as string | null,
    title: r[4] as string | null,
    publisher: r[5] as string | null,
    byline: r[6] as string | null,
    publishedAt: r[7] as string | null,
    language: r[8] as string | null,
    text: String(r[9]),
    textSha256: String(r[10]),
    extractor: String(r[11]),
    createdAt: iso(Number(r[12])),
  };
}

/** The judgement columns of table alias `alias`, in JUDGEMENT_FIELDS order (see judgementAt). */
const judgementColumnsOf = (alias: string) =>
  JUDGEMENT_FIELDS.map((f) => `${alias}.${JUDGEMENT_FIELD_INFO[f].column}`).join(", ");

/** The judgement values of a row read with judgementColumnsOf, starting at column `at`. */
function judgementAt(r: Cell[], at: number) {
  return Object.fromEntries(JUDGEMENT_FIELDS.map((f, i) => [f, r[at + i] ?? null])) as {
    sourceStance: TSourceStance | null;
    reportingStance: TReportingStance | null;
    likelihood: TLikelihood | null;
    analyticConfidence: TAnalyticConfidence | null;
    credibility: TCredibility | null;
    verdict: TVerdict | null;
  };
}

function loadAnnotations(rows: Cell[][]): Map<number, ExportAnnotation[]> {
  const map = new Map<number, ExportAnnotation[]>();
  for (const r of rows) {
    const claimId = Number(r[0]);
    const annotation: ExportAnnotation = {
      id: Number(r[1]),
      analyst: { id: Number(r[2]), name: String(r[3]) },
      ...judgementAt(r, 4),
      note: r[10] as string | null,
      tags: JSON.parse(String(r[11])) as string[],
      version: Number(r[12]),
      createdAt: iso(Number(r[13])),
      updatedAt: iso(Number(r[14])),
      submittedAt: r[15] === null ? null : iso(Number(r[15])),
    };
    const list = map.get(claimId);
    if (list) list.push(annotation);
    else map.set(claimId, [annotation]);
  }
  return map;
}

function loadAdjudications(
  rows: Cell[][],
  sourceOf: SourceOf,
  propositionOf: PropositionOf,
): Map<number, TExportAdjudication> {
  const map = new Map<number, TExportAdjudication>();
  for (const r of rows) {
    const decidedFields = JSON.parse(String(r[13])) as TDisputeField[];
    const decidesAttribution = decidedFields.some((f) =>
      (ATTRIBUTION_FIELDS as readonly string[]).includes(f),
    );
    map.set(Number(r[0]), {
      adjudicator: { id: Number(r[1]), name: String(r[2]) },
      ...judgementAt(r, 3),
      note: r[9] as string | null,
      decidedFields,
      ...(decidesAttribution
        ? {
            attribution: {
              status: r[14] as TClaimStatus | null,
              content: span(r[15] as Cell, r[16] as Cell, r[17] as Cell),
              sourceMention: span(r[18] as Cell, r[19] as Cell, r[20] as Cell),
              cue: span(r[21] as Cell, r[22] as Cell, r[23] as Cell),
              source: sourceOf(r[24] as number | null),
              quoteType: r[25] as TQuoteType | null,
              proposition: propositionOf(r[26] as number | null),
            },
          }
        : {}),
      version: Number(r[10]),
      createdAt: iso(Number(r[11])),
      updatedAt: iso(Number(r[12])),
    });
  }
  return map;
}

/** What one canonical import run has mapped so far (exported ids → ids in this database). */
export interface CanonicalImportState {
  /** textSha256 → article id, for articles this run inserted (their claims are imported). */
  newArticles: Map<string, number>;
  /** textSha256 of articles that were already stored: their claims are skipped (idempotent). */
  existingArticles: Set<string>;
  claimIds: Map<string, number>;
  analystIds: Map<string, number>;
  /** Children whose parent line had not been read yet: linked in `finishCanonicalImport`. */
  pendingParents: { claimId: number; key: string }[];
  /** Analysts' layers whose parent is an exported claim id: linked in `finishCanonicalImport`. */
  pendingLayerParents: { claimId: number; analystId: number; key: string }[];
}

export interface CanonicalImportCounts {
  articles: number;
  duplicateArticles: number;
  claims: number;
  skippedClaims: number;
  annotations: number;
  adjudications: number;
}

export function newCanonicalImportState(): CanonicalImportState {
  return {
    newArticles: new Map(),
    existingArticles: new Set(),
    claimIds: new Map(),
    analystIds: new Map(),
    pendingParents: [],
    pendingLayerParents: [],
  };
}

/** An error in one line of a canonical import (the caller knows the file and line). */
export class CanonicalImportError extends Error {}

const parentKey = (sha: string, claimId: number) => `${sha}:${claimId}`;

/**
 * Writes a batch of canonical lines in one transaction. Articles are matched by textSha256 (one
 * already stored keeps its claims untouched), sources by their name key, propositions by text,
 * analysts by name; exported ids are only used to link parents within the import.
 */
export function insertCanonicalLines(
  db: DbExecutor,
  state: CanonicalImportState,
  lines: readonly TCanonicalLine[],
): CanonicalImportCounts {
  const counts: CanonicalImportCounts = {
    articles: 0,
    duplicateArticles: 0,
    claims: 0,
    skippedClaims: 0,
    annotations: 0,
    adjudications: 0,
  };
  // The transaction may roll back: undo what it added to `state` too, so a retry starts clean.
  const undo: (() => void)[] = [];
  const track = <K, V>(map: Map<K, V>, key: K, value: V) => {
    map.set(key, value);
    undo.push(() => map.delete(key));
  };
  const pendingBefore = state.pendingParents.length;
  const pendingLayersBefore = state.pendingLayerParents.length;
  try {
    insertLines(db, state, lines, counts, track, undo);
  } catch (error) {
    for (const fn of undo.reverse()) fn();
    state.pendingParents.length = pendingBefore;
    state.pendingLayerParents.length = pendingLayersBefore;
    throw error;
  }
  return counts;
}

type Track = <K, V>(map: Map<K, V>, key: K, value: V) => void;

function insertLines(
  db: DbExecutor,
  state: CanonicalImportState,
  lines: readonly TCanonicalLine[],
  counts: CanonicalImportCounts,
  track: Track,
  undo: (() => void)[],
): void {
  writeTransaction(db, (tx) => {
    for (const line of lines) {
      if (!isCanonicalClaimLine(line)) {
        insertEntityLine(tx, state, line, counts, track, undo);
        continue;
      }
      const sha = line.article.textSha256;
      let articleId = state.newArticles.get(sha);
      if (articleId === undefined) {
        if (state.existingArticles.has(sha)) {
          counts.skippedClaims++;
          continue;
        }
        if (isStoredArticle(tx, state, sha, counts, undo)) {
          counts.skippedClaims++;
          continue;
        }
        if (line.article.text === undefined)
          throw new CanonicalImportError(
            `article ${sha.slice(0, 12)}… has no text: its first line in the file must carry article.text`,
          );
        const { id: _id, text, createdAt, ...meta } = line.article;
        articleId = tx
          .insert(articles)
          .values({ ...meta, text, createdAt: new Date(createdAt) })
          .returning({ id: articles.id })
          .get().id;
        track(state.newArticles, sha, articleId);
        counts.articles++;
      }
      const claimId = insertClaimLine(tx, state, articleId, line, track);
      counts.claims++;
      for (const entry of line.layers ?? []) {
        if (entry.analyst === null) continue;
        const analystId = analystIdFor(tx, state, entry.analyst.name, track);
        tx.insert(claimLayers)
          .values({
            claimId,
            articleId,
            kind: "analyst",
            analystId,
            ...layerColumnsOf(tx, entry),
            // Parents are exported ids: linked with the claims' own in finishCanonicalImport.
            parentClaimId: null,
            version: entry.version,
            createdAt: new Date(entry.createdAt),
            updatedAt: new Date(entry.updatedAt),
          })
          .run();
        if (entry.parentClaimId !== null)
          state.pendingLayerParents.push({
            claimId,
            analystId,
            key: parentKey(sha, entry.parentClaimId),
          });
        if (entry.submittedAt !== null)
          tx.insert(articleSubmissions)
            .values({ articleId, analystId, submittedAt: new Date(entry.submittedAt) })
            .onConflictDoNothing()
            .run();
      }
      // Also the analysts whose submitted layer holds nothing of this claim (or of the article).
      for (const submission of line.submissions ?? [])
        tx.insert(articleSubmissions)
          .values({
            articleId,
            analystId: analystIdFor(tx, state, submission.analyst.name, track),
            submittedAt: new Date(submission.submittedAt),
          })
          .onConflictDoNothing()
          .run();
      // Stored in this database's analyst order, the order its exports list them in: so exporting
      // what was imported and importing that again gives the same ids (a byte-identical re-export).
      const byAnalyst = line.annotations
        .map((annotation) => ({
          annotation,
          analystId: analystIdFor(tx, state, annotation.analyst.name, track),
        }))
        .sort((x, y) => x.analystId - y.analystId);
      for (const { annotation, analystId } of byAnalyst) {
        const { id: _id, analyst: _a, createdAt, updatedAt, submittedAt, ...values } = annotation;
        const annotationId = tx
          .insert(annotations)
          .values({
            ...values,
            claimId,
            analystId,
            createdAt: new Date(createdAt),
            updatedAt: new Date(updatedAt),
            submittedAt: submittedAt === null ? null : new Date(submittedAt),
          })
          .returning({ id: annotations.id })
          .get().id;
        if (values.tags.length > 0)
          tx.insert(annotationTags)
            .values(values.tags.map((tag) => ({ annotationId, claimId, tag })))
            .onConflictDoNothing()
            .run();
        counts.annotations++;
      }
      // Without layers the line is the gold layer's: a hand-made claim is in the export only
      // because gold holds it, so it is imported into gold (else no view would hold it).
      if (line.layers === undefined && line.claim.origin === "analyst")
        insertGoldCopy(tx, claimId, articleId);
      if (line.adjudicated !== null) {
        const { adjudicator, createdAt, updatedAt, decidedFields, attribution, ...values } =
          line.adjudicated;
        tx.insert(adjudications)
          .values({
            ...values,
            decidedFields: decidedFields ?? [...JUDGEMENT_FIELDS],
            ...(attribution
              ? {
                  status: attribution.status,
                  contentStart: attribution.content?.start ?? null,
                  contentEnd: attribution.content?.end ?? null,
                  contentText: attribution.content?.exact ?? null,
                  sourceStart: attribution.sourceMention?.start ?? null,
                  sourceEnd: attribution.sourceMention?.end ?? null,
                  sourceText: attribution.sourceMention?.exact ?? null,
                  cueStart: attribution.cue?.start ?? null,
                  cueEnd: attribution.cue?.end ?? null,
                  cueText: attribution.cue?.exact ?? null,
                  sourceId:
                    attribution.source === null ? null : sourceIdFor(tx, attribution.source),
                  quoteType: attribution.quoteType,
                  propositionId:
                    attribution.proposition === null
                      ? null
                      : propositionIdFor(tx, attribution.proposition.text),
                }
              : {}),
            claimId,
            adjudicatorId: analystIdFor(tx, state, adjudicator.name, track, "adjudicator"),
            createdAt: new Date(createdAt),
            updatedAt: new Date(updatedAt),
          })
          .run();
        counts.adjudications++;
      }
    }
  });
}

/**
 * Whether the database already holds the article with this text hash (from before this run): if
 * so it is remembered, so its later lines are skipped without a query, and counted a duplicate.
 */
function isStoredArticle(
  tx: DbExecutor,
  state: CanonicalImportState,
  sha: string,
  counts: CanonicalImportCounts,
  undo: (() => void)[],
): boolean {
  const stored = tx
    .select({ id: articles.id })
    .from(articles)
    .where(eq(articles.textSha256, sha))
    .get();
  if (!stored) return false;
  state.existingArticles.add(sha);
  undo.push(() => state.existingArticles.delete(sha));
  counts.duplicateArticles++;
  return true;
}

/** An article / source / proposition line: stored unless already there (matched as for claims). */
function insertEntityLine(
  tx: DbExecutor,
  state: CanonicalImportState,
  line: TCanonicalEntityLine,
  counts: CanonicalImportCounts,
  track: Track,
  undo: (() => void)[],
): void {
  if (line.kind === "source") {
    sourceIdFor(tx, line.source);
    return;
  }
  if (line.kind === "proposition") {
    propositionIdFor(tx, line.proposition.text);
    return;
  }
  const sha = line.article.textSha256;
  if (state.newArticles.has(sha) || state.existingArticles.has(sha)) return;
  if (isStoredArticle(tx, state, sha, counts, undo)) return;
  const { id: _id, text, createdAt, ...meta } = line.article;
  const articleId = tx
    .insert(articles)
    .values({ ...meta, text, createdAt: new Date(createdAt) })
    .returning({ id: articles.id })
    .get().id;
  track(state.newArticles, sha, articleId);
  counts.articles++;
}

function insertClaimLine(
  tx: DbExecutor,
  state: CanonicalImportState,
  articleId: number,
  line: TCanonicalClaimLine,
  track: Track,
): number {
  const { claim, spans } = line;
  const sha = line.article.textSha256;
  // With layers, the claims row is the proposal as suggested; without, the line's (gold) values.
  const proposal = line.layers?.find((l) => l.analyst === null);
  const parentExportId = proposal ? proposal.parentClaimId : claim.parentClaimId;
  let parentClaimId: number | null = null;
  let pendingParent: string | null = null;
  if (parentExportId !== null) {
    const key = parentKey(sha, parentExportId);
    parentClaimId = state.claimIds.get(key) ?? null;
    if (parentClaimId === null) pendingParent = key;
  }
  const values = proposal
    ? { ...layerColumnsOf(tx, proposal), version: proposal.version }
    : {
        contentStart: spans.content.start,
        contentEnd: spans.content.end,
        contentText: spans.content.exact,
        sourceStart: spans.sourceMention?.start ?? null,
        sourceEnd: spans.sourceMention?.end ?? null,
        sourceText: spans.sourceMention?.exact ?? null,
        cueStart: spans.cue?.start ?? null,
        cueEnd: spans.cue?.end ?? null,
        cueText: spans.cue?.exact ?? null,
        cueLemma: claim.cueLemma,
        sourceId: line.source === null ? null : sourceIdFor(tx, line.source),
        quoteType: claim.quoteType,
        propositionId:
          line.proposition === null ? null : propositionIdFor(tx, line.proposition.text),
        status: claim.status,
        version: claim.version,
      };
  const id = tx
    .insert(claims)
    .values({
      articleId,
      ...values,
      parentClaimId,
      origin: claim.origin,
      score: claim.score,
      createdAt: new Date(claim.createdAt),
      updatedAt: new Date(proposal ? proposal.updatedAt : claim.updatedAt),
    })
    .returning({ id: claims.id })
    .get().id;
  track(state.claimIds, parentKey(sha, claim.id), id);
  if (pendingParent !== null) state.pendingParents.push({ claimId: id, key: pendingParent });
  return id;
}

/** A gold row with the decided values of the claims row just imported (an export without layers). */
function insertGoldCopy(tx: DbExecutor, claimId: number, articleId: number): void {
  const c = tx.select().from(claims).where(eq(claims.id, claimId)).get();
  if (!c) return;
  tx.insert(claimLayers)
    .values({
      claimId,
      articleId,
      kind: "gold",
      analystId: null,
      status: c.status,
      contentStart: c.contentStart,
      contentEnd: c.contentEnd,
      contentText: c.contentText,
      sourceStart: c.sourceStart,
      sourceEnd: c.sourceEnd,
      sourceText: c.sourceText,
      cueStart: c.cueStart,
      cueEnd: c.cueEnd,
      cueText: c.cueText,
      cueLemma: c.cueLemma,
      sourceId: c.sourceId,
      quoteType: c.quoteType,
      // Linked with the claims' own in finishCanonicalImport.
      parentClaimId: c.parentClaimId,
      propositionId: c.propositionId,
      basis: "single",
      version: c.version,
      createdAt: c.updatedAt,
      updatedAt: c.updatedAt,
    })
    .run();
}

/** A layer entry's decided columns (source and proposition matched or stored). */
function layerColumnsOf(tx: DbExecutor, entry: TExportLayer) {
  return {
    status: entry.status,
    contentStart: entry.content.start,
    contentEnd: entry.content.end,
    contentText: entry.content.exact,
    sourceStart: entry.sourceMention?.start ?? null,
    sourceEnd: entry.sourceMention?.end ?? null,
    sourceText: entry.sourceMention?.exact ?? null,
    cueStart: entry.cue?.start ?? null,
    cueEnd: entry.cue?.end ?? null,
    cueText: entry.cue?.exact ?? null,
    cueLemma: entry.cueLemma,
    sourceId: entry.source === null ? null : sourceIdFor(tx, entry.source),
    quoteType: entry.quoteType,
    propositionId: entry.proposition === null ? null : propositionIdFor(tx, entry.proposition.text),
  };
}

function sourceIdFor(tx: DbExecutor, source: NonNullable<TCanonicalClaimLine["source"]>): number {
  const key = normaliseSourceKey(source.name);
  const found = tx
    .select({ id: sources.id, mergedIntoId: sources.mergedIntoId })
    .from(sourceAliases)
    .innerJoin(sources, eq(sources.id, sourceAliases.sourceId))
    .where(eq(sourceAliases.aliasKey, key))
    .get();
  if (found) return found.mergedIntoId ?? found.id;
  const id = tx
    .insert(sources)
    .values({
      name: source.name,
      nameKey: key,
      aliases: source.aliases,
      kind: source.kind,
      affiliation: source.affiliation,
      country: source.country,
      reliability: source.reliability,
    })
    .returning({ id: sources.id })
    .get().id;
  const keys = new Set([key, ...source.aliases.map(normaliseSourceKey)]);
  tx.insert(sourceAliases)
    .values([...keys].map((aliasKey) => ({ sourceId: id, aliasKey })))
    .onConflictDoNothing()
    .run();
  return id;
}

function propositionIdFor(tx: DbExecutor, text: string): number {
  const find = () =>
    tx.select({ id: propositions.id }).from(propositions).where(eq(propositions.text, text)).get();
  // Looked up first: an insert that conflicts still takes an AUTOINCREMENT id, so ids would
  // depend on how often a text was met (and a re-export would not be byte-identical).
  let row = find();
  if (!row) {
    tx.insert(propositions).values({ text }).run();
    row = find();
  }
  if (!row) throw new CanonicalImportError(`proposition "${text}" could not be stored`);
  return row.id;
}

function analystIdFor(
  tx: DbExecutor,
  state: CanonicalImportState,
  name: string,
  track: Track,
  /** The role of a user this import has to create (matched by name otherwise). */
  role: "analyst" | "adjudicator" = "analyst",
): number {
  const cached = state.analystIds.get(name);
  if (cached !== undefined) return cached;
  const found = tx
    .select({ id: users.id })
    .from(users)
    .where(eq(users.name, name))
    .orderBy(asc(users.id))
    .get();
  const id =
    found?.id ?? tx.insert(users).values({ name, role }).returning({ id: users.id }).get().id;
  track(state.analystIds, name, id);
  return id;
}

/**
 * Links children read before their parents (a parent missing from the import stays unlinked),
 * and rebuilds the gold layer of every imported article some analyst submitted.
 */
export function finishCanonicalImport(db: DbExecutor, state: CanonicalImportState): number {
  let linked = 0;
  writeTransaction(db, (tx) => {
    for (const { claimId, key } of state.pendingParents) {
      const parent = state.claimIds.get(key);
      if (parent === undefined) continue;
      tx.update(claims).set({ parentClaimId: parent }).where(eq(claims.id, claimId)).run();
      // And the gold copy of a hand-made claim imported without layers.
      tx.update(claimLayers)
        .set({ parentClaimId: parent })
        .where(and(eq(claimLayers.claimId, claimId), eq(claimLayers.kind, "gold")))
        .run();
      linked++;
    }
    for (const { claimId, analystId, key } of state.pendingLayerParents) {
      const parent = state.claimIds.get(key);
      if (parent === undefined) continue;
      tx.update(claimLayers)
        .set({ parentClaimId: parent })
        .where(and(eq(claimLayers.claimId, claimId), eq(claimLayers.analystId, analystId)))
        .run();
    }
    const articleIds = [...state.newArticles.values()];
    for (let i = 0; i < articleIds.length; i += 500)
      for (const { articleId } of tx
        .selectDistinct({ articleId: articleSubmissions.articleId })
        .from(articleSubmissions)
        .where(inArray(articleSubmissions.articleId, articleIds.slice(i, i + 500)))
        .all())
        rebuildGold(tx, articleId);
  });
  state.pendingParents = [];
  state.pendingLayerParents = [];
  return linked;
}
