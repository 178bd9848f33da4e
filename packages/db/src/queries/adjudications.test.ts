import { ADJUDICATION_PAGE_SIZE, type TAdjudicationValues } from "@claimdesk/types";
import { and, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../client";
import { annotations, auditEvents } from "../schema";
import { createTestDb, insertTestArticle, insertTestUser, spanOf } from "../testing";
import {
  adjudicate,
  adjudicationByClaim,
  adjudicationItem,
  adjudicationQueue,
  disputedFieldsOf,
  sentenceAround,
} from "./adjudications";
import { upsertAnnotation } from "./annotations";
import { createClaim } from "./claims";
import { ConflictError, NotFoundError } from "./errors";

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

beforeEach(() => {
  db = createTestDb();
  ana = insertTestUser(db, { name: "Ana", role: "analyst" }).id;
  ben = insertTestUser(db, { name: "Ben", role: "analyst" }).id;
  cyd = insertTestUser(db, { name: "Cyd", role: "analyst" }).id;
  judy = insertTestUser(db, { name: "Judy", role: "adjudicator" }).id;
  const article = insertTestArticle(db, { text: TEXT, title: "Allies" });
  const claim = (content: string, source: string, cue: string) =>
    createClaim(
      db,
      {
        articleId: article.id,
        content: spanOf(TEXT, content),
        sourceMention: spanOf(TEXT, source),
        cue: spanOf(TEXT, cue),
      },
      ana,
    ).id;
  claimA = claim("it has funded allies in Iraq", "Tehran", "says");
  claimB = claim("We decide alone", "a militia leader", "told");
  claimC = claim("Markets were calm", "Markets", "were");
});
afterEach(() => db.$client.close());

type Judgement = Partial<Omit<TAdjudicationValues, never>> & { note?: string };

/** An annotation, submitted unless `draft`. Submitting is another slice's action: set directly. */
function annotate(claimId: number, analystId: number, values: Judgement, draft = false) {
  const a = upsertAnnotation(db, { claimId, analystId, values });
  if (!draft)
    db.update(annotations)
      .set({ submittedAt: new Date("2026-01-02T03:04:05Z") })
      .where(eq(annotations.id, a.id))
      .run();
  return a;
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
    // Cyd disagrees on claim C, but only as a draft; Ana alone submitted.
    annotate(claimC, ana, { verdict: "supported" });
    annotate(claimC, cyd, { verdict: "refuted" }, true);
    expect(adjudicationQueue(db, { status: "all", page: 1 })).toMatchObject({
      items: [],
      total: 0,
      counts: { open: 0, resolved: 0 },
    });
    // Once Cyd submits, claim C is in dispute.
    db.update(annotations)
      .set({ submittedAt: new Date() })
      .where(and(eq(annotations.claimId, claimC), eq(annotations.analystId, cyd)))
      .run();
    const page = adjudicationQueue(db, { status: "open", page: 1 });
    expect(page.items.map((i) => [i.claim.id, i.disputedFields])).toEqual([[claimC, ["verdict"]]]);
  });

  it("counts a third analyst's differing value among agreeing ones", () => {
    annotate(claimB, ana, { reportingStance: "neutral" });
    annotate(claimB, ben, { reportingStance: "neutral" });
    annotate(claimB, cyd, { reportingStance: "distancing" });
    const [item] = adjudicationQueue(db, { status: "open", page: 1 }).items;
    expect(item?.analysts).toHaveLength(3);
    expect(item?.disputedFields).toEqual(["reportingStance"]);
  });

  it("disputedFieldsOf ignores nulls", () => {
    expect(
      disputedFieldsOf([
        { ...EMPTY, verdict: "supported", credibility: "1" },
        { ...EMPTY, verdict: null, credibility: "3" },
        { ...EMPTY, verdict: "supported", credibility: null },
      ]),
    ).toEqual(["credibility"]);
  });

  it("pages the queue in article order", () => {
    const text = Array.from({ length: 25 }, (_, i) => `Official ${i} said prices rose.`).join(" ");
    const article = insertTestArticle(db, { text, title: "Many" });
    for (let i = 0; i < 25; i++) {
      const id = createClaim(
        db,
        { articleId: article.id, content: spanOf(text, `Official ${i} said`) },
        ana,
      ).id;
      annotate(id, ana, { verdict: "supported" });
      annotate(id, ben, { verdict: "refuted" });
    }
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
    expect(adjudicationItem(db, claimB)).toMatchObject({ analysts: [], disputedFields: [] });
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
