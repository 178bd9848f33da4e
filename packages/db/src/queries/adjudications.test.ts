import {
  ADJUDICATION_PAGE_SIZE,
  JUDGEMENT_FIELDS,
  type TAdjudicationValues,
} from "@claimdesk/types";
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../client";
import { auditEvents } from "../schema";
import {
  createTestDb,
  insertTestArticle,
  insertTestSuggestion,
  insertTestUser,
  spanOf,
} from "../testing";
import {
  adjudicate,
  adjudicationByClaim,
  adjudicationItem,
  adjudicationQueue,
  sentenceAround,
} from "./adjudications";
import { upsertAnnotation } from "./annotations";
import { ConflictError, NotFoundError } from "./errors";
import { submitArticle } from "./submissions";
import { disputedFields, EMPTY_JUDGEMENT, type Unit, type UnitVersion } from "./units";

const TEXT =
  'Markets were calm on Monday. Tehran says it has funded allies in Iraq. "We decide alone," a militia leader told Reuters. Nothing else happened.';

let db: Db;
let ana: number;
let ben: number;
let cyd: number;
let judy: number;
let claimA: number;
let claimB: number;
let claimC: number;
let articleId: number;

beforeEach(() => {
  db = createTestDb();
  ana = insertTestUser(db, { name: "Ana", role: "analyst" }).id;
  ben = insertTestUser(db, { name: "Ben", role: "analyst" }).id;
  cyd = insertTestUser(db, { name: "Cyd", role: "analyst" }).id;
  judy = insertTestUser(db, { name: "Judy", role: "adjudicator" }).id;
  articleId = insertTestArticle(db, { text: TEXT, title: "Allies" }).id;
  // Rule suggestions: every analyst judges the same proposals.
  const claim = (content: string, source: string, cue: string) =>
    insertTestSuggestion(db, { articleId, text: TEXT, content, source, cue });
  claimA = claim("it has funded allies in Iraq", "Tehran", "says");
  claimB = claim("We decide alone", "a militia leader", "told");
  claimC = claim("Markets were calm", "Markets", "were");
});
afterEach(() => db.$client.close());

type Judgement = Partial<Omit<TAdjudicationValues, never>> & { note?: string };

/** An analyst's (draft) annotation: it counts once they submit the article. */
function annotate(claimId: number, analystId: number, values: Judgement) {
  return upsertAnnotation(db, { claimId, analystId, values });
}

/** Submits each analyst's layer of the article (submission is per article). */
function submit(...analysts: number[]) {
  for (const analystId of analysts) submitArticle(db, { articleId, analystId });
}

const EMPTY: TAdjudicationValues = {
  sourceStance: null,
  reportingStance: null,
  likelihood: null,
  analyticConfidence: null,
  credibility: null,
  verdict: null,
};

describe("dispute detection", () => {
  it("lists a claim whose submitted annotations differ, naming the fields", () => {
    annotate(claimA, ana, { likelihood: "likely", verdict: "supported", sourceStance: "support" });
    annotate(claimA, ben, { likelihood: "unlikely", verdict: "supported", sourceStance: "deny" });
    // Drafts are nobody's business: nothing is in dispute until both submitted.
    submit(ana);
    expect(adjudicationQueue(db, { status: "all", page: 1 }).total).toBe(0);
    submit(ben);
    const page = adjudicationQueue(db, { status: "open", page: 1 });
    expect(page.total).toBe(1);
    expect(page.counts).toEqual({ open: 1, resolved: 0 });
    const [item] = page.items;
    expect(item?.claim.id).toBe(claimA);
    expect(item?.article).toEqual({ id: expect.any(Number), title: "Allies" });
    expect(item?.disputedFields).toEqual(["sourceStance", "likelihood"]);
    expect(item?.analysts.map((a) => [a.analyst.name, a.likelihood, a.sourceStance])).toEqual([
      ["Ana", "likely", "support"],
      ["Ben", "unlikely", "deny"],
    ]);
    expect(item?.adjudication).toBeNull();
    // The sentence holds the source, cue and content, with their offsets in it.
    expect(item?.sentence.text).toBe("Tehran says it has funded allies in Iraq.");
    const s = item?.sentence;
    if (!s) throw new Error("no sentence");
    expect(s.text.slice(s.content.start, s.content.end)).toBe("it has funded allies in Iraq");
    expect(s.sourceMention && s.text.slice(s.sourceMention.start, s.sourceMention.end)).toBe(
      "Tehran",
    );
    expect(TEXT.slice(s.offset, s.offset + s.text.length)).toBe(s.text);
  });

  it("leaves out agreeing analysts, nulls against values, drafts and single annotations", () => {
    // Agree on every field.
    annotate(claimA, ana, { likelihood: "likely", verdict: "refuted" });
    annotate(claimA, ben, { likelihood: "likely", verdict: "refuted" });
    // A null is no opinion: Ben gave no likelihood, Ana did — no disagreement.
    annotate(claimB, ana, { likelihood: "likely", credibility: "2" });
    annotate(claimB, ben, { likelihood: null, credibility: "2", note: "different note" });
    // Cyd disagrees on claim C, but only as a draft; Ana alone judged it among those who submitted.
    annotate(claimC, ana, { verdict: "supported" });
    annotate(claimC, cyd, { verdict: "refuted" });
    submit(ana, ben);
    expect(adjudicationQueue(db, { status: "all", page: 1 })).toMatchObject({
      items: [],
      total: 0,
      counts: { open: 0, resolved: 0 },
    });
    // Once Cyd submits, claim C is in dispute.
    submit(cyd);
    const page = adjudicationQueue(db, { status: "open", page: 1 });
    expect(page.items.map((i) => [i.claim.id, i.disputedFields])).toEqual([[claimC, ["verdict"]]]);
  });

  it("counts a third analyst's differing value among agreeing ones", () => {
    annotate(claimB, ana, { reportingStance: "neutral" });
    annotate(claimB, ben, { reportingStance: "neutral" });
    annotate(claimB, cyd, { reportingStance: "distancing" });
    submit(ana, ben, cyd);
    const [item] = adjudicationQueue(db, { status: "open", page: 1 }).items;
    expect(item?.analysts).toHaveLength(3);
    expect(item?.disputedFields).toEqual(["reportingStance"]);
  });

  it("disputedFields ignores nulls and untouched suggestions", () => {
    const version = (analystId: number, judgement: Judgement): UnitVersion => ({
      analystId,
      claimId: 1,
      status: "suggested",
      content: { start: 0, end: 7, exact: "Markets" },
      sourceMention: null,
      cue: null,
      cueLemma: null,
      sourceId: null,
      quoteType: "indirect",
      parentClaimId: null,
      propositionId: null,
      judgement: { ...EMPTY_JUDGEMENT, ...judgement },
    });
    const unit: Unit = {
      rootId: 1,
      articleId: 1,
      claimIds: [1],
      handMade: false,
      versions: new Map<number, UnitVersion | "no" | undefined>([
        [1, version(1, { verdict: "supported", credibility: "1" })],
        [2, version(2, { verdict: null, credibility: "3" })],
        [3, version(3, { verdict: "supported", credibility: null })],
        // Left untouched: no opinion on anything.
        [4, undefined],
      ]),
    };
    expect(disputedFields(unit)).toEqual(["credibility"]);
  });

  it("pages the queue in article order", () => {
    const text = Array.from({ length: 25 }, (_, i) => `Official ${i} said prices rose.`).join(" ");
    const article = insertTestArticle(db, { text, title: "Many" });
    for (let i = 0; i < 25; i++) {
      const id = insertTestSuggestion(db, {
        articleId: article.id,
        text,
        content: `Official ${i} said`,
      });
      annotate(id, ana, { verdict: "supported" });
      annotate(id, ben, { verdict: "refuted" });
    }
    for (const analystId of [ana, ben]) submitArticle(db, { articleId: article.id, analystId });
    const first = adjudicationQueue(db, { status: "open", page: 1 });
    const second = adjudicationQueue(db, { status: "open", page: 2 });
    expect(first.total).toBe(25);
    expect(first.items).toHaveLength(ADJUDICATION_PAGE_SIZE);
    expect(second.items).toHaveLength(25 - ADJUDICATION_PAGE_SIZE);
    expect(second.items[0]?.claim.content).toBe(`Official ${ADJUDICATION_PAGE_SIZE} said`);
  });
});

describe("adjudicate", () => {
  beforeEach(() => {
    annotate(claimA, ana, { likelihood: "likely", verdict: "supported" });
    annotate(claimA, ben, { likelihood: "unlikely", verdict: "refuted" });
    submit(ana, ben);
  });

  it("records the decision, moves the claim to resolved and keeps the disagreement visible", () => {
    const decided = adjudicate(
      db,
      {
        claimId: claimA,
        values: { ...EMPTY, likelihood: "likely", verdict: "refuted" },
        note: "Ben's sources are better",
        version: null,
      },
      judy,
    );
    expect(decided).toEqual({
      id: expect.any(Number),
      claimId: claimA,
      adjudicator: { id: judy, name: "Judy" },
      ...EMPTY,
      likelihood: "likely",
      verdict: "refuted",
      note: "Ben's sources are better",
      // No attribution given: the decision settles the judgement fields.
      decidedFields: [...JUDGEMENT_FIELDS],
      attribution: {
        status: null,
        content: null,
        sourceMention: null,
        cue: null,
        sourceId: null,
        quoteType: null,
        propositionId: null,
      },
      version: 0,
      createdAt: expect.stringMatching(/^\d{4}-/),
      updatedAt: expect.stringMatching(/^\d{4}-/),
    });
    expect(adjudicationByClaim(db, claimA)).toEqual(decided);
    expect(adjudicationQueue(db, { status: "open", page: 1 }).total).toBe(0);
    const resolved = adjudicationQueue(db, { status: "resolved", page: 1 });
    expect(resolved.counts).toEqual({ open: 0, resolved: 1 });
    expect(resolved.items[0]?.adjudication).toEqual(decided);
    // The analysts' values stay next to the decision.
    expect(resolved.items[0]?.disputedFields).toEqual(["likelihood", "verdict"]);
    expect(resolved.items[0]?.analysts.map((a) => a.verdict)).toEqual(["supported", "refuted"]);
    expect(adjudicationQueue(db, { status: "all", page: 1 }).total).toBe(1);

    const events = db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.entity, "adjudication"))
      .all();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      entityId: decided.id,
      action: "create",
      actorId: judy,
      before: null,
      after: decided,
    });
  });

  it("revises with the current version, audits before/after, and refuses stale versions", () => {
    const first = adjudicate(
      db,
      { claimId: claimA, values: { ...EMPTY, verdict: "refuted" }, note: null, version: null },
      judy,
    );
    const other = insertTestUser(db, { name: "Jo", role: "adjudicator" }).id;
    const second = adjudicate(
      db,
      {
        claimId: claimA,
        values: { ...EMPTY, verdict: "supported" },
        note: "on reflection",
        version: 0,
      },
      other,
    );
    expect(second).toMatchObject({
      id: first.id,
      version: 1,
      verdict: "supported",
      adjudicator: { id: other, name: "Jo" },
    });

    // Judy still had version 0: a conflict carrying the decision as it is now.
    const stale = () =>
      adjudicate(
        db,
        {
          claimId: claimA,
          values: { ...EMPTY, verdict: "not_enough_info" },
          note: null,
          version: 0,
        },
        judy,
      );
    expect(stale).toThrow(ConflictError);
    try {
      stale();
    } catch (error) {
      expect((error as ConflictError).current).toEqual({ entity: "adjudication", record: second });
      expect((error as ConflictError).message).toContain("version 1, you had 0");
    }
    // Deciding "for the first time" when a decision exists is a conflict too.
    expect(() =>
      adjudicate(db, { claimId: claimA, values: EMPTY, note: null, version: null }, judy),
    ).toThrow(/already decided by Jo/);
    expect(adjudicationByClaim(db, claimA)?.verdict).toBe("supported");

    const events = db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.entity, "adjudication"))
      .orderBy(auditEvents.id)
      .all();
    expect(events.map((e) => [e.action, e.actorId])).toEqual([
      ["create", judy],
      ["update", other],
    ]);
    expect(events[1]?.before).toEqual(first);
    expect(events[1]?.after).toEqual(second);
  });

  it("refuses a version for a decision that does not exist, and an unknown claim", () => {
    expect(() =>
      adjudicate(db, { claimId: claimA, values: EMPTY, note: null, version: 3 }, judy),
    ).toThrow(ConflictError);
    expect(() =>
      adjudicate(db, { claimId: 9999, values: EMPTY, note: null, version: null }, judy),
    ).toThrow(NotFoundError);
    expect(
      db.select().from(auditEvents).where(eq(auditEvents.entity, "adjudication")).all(),
    ).toEqual([]);
  });

  it("adjudicationItem gives one claim's entry, disputed or not", () => {
    expect(adjudicationItem(db, claimA).disputedFields).toEqual(["likelihood", "verdict"]);
    // Claim B: both submitted the article without touching or judging it: no opinion, no dispute.
    const b = adjudicationItem(db, claimB);
    expect(b).toMatchObject({ disputedFields: [], open: false, adjudication: null });
    expect(b.analysts.map((a) => [a.analyst.name, a.existence, a.claimId, a.verdict])).toEqual([
      ["Ana", null, null, null],
      ["Ben", null, null, null],
    ]);
    expect(() => adjudicationItem(db, 9999)).toThrow(NotFoundError);
  });
});

describe("sentenceAround", () => {
  it("widens to the sentences the spans touch and keeps astral characters whole", () => {
    const text = 'First one. 😀 Officials said "it is safe" on Tuesday. Last one.';
    const s = sentenceAround(text, {
      content: spanOf(text, "it is safe"),
      sourceMention: spanOf(text, "Officials"),
      cue: null,
    });
    expect(s.text).toBe('😀 Officials said "it is safe" on Tuesday.');
    expect(s.text.slice(s.content.start, s.content.end)).toBe("it is safe");
    expect(s.cue).toBeNull();
  });
});
