import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../client";
import { createTestDb, spanOf } from "../testing";
import { createClaim } from "./claims";
import {
  annotateAsA,
  annotateAsB,
  seedTwoAnalysts,
  submit,
  TEXT,
  type TwoAnalysts,
} from "./two-analysts.fixture";
import {
  articleUnits,
  disputedFields,
  existenceOf,
  submittedAnalysts,
  type Unit,
  type UnitVersion,
} from "./units";

let db: Db;
let s: TwoAnalysts;
beforeEach(() => {
  db = createTestDb();
  s = seedTwoAnalysts(db);
});
afterEach(() => db.$client.close());

/** Each unit as [rootId, handMade, existence per analyst (A, B), disputed fields]. */
const summary = (units: Unit[]) =>
  units.map((u) => [
    u.rootId,
    u.handMade,
    [...u.versions.values()].map(existenceOf),
    disputedFields(u),
  ]);

const versionOf = (unit: Unit | undefined, analystId: number): UnitVersion => {
  const v = unit?.versions.get(analystId);
  if (v === undefined || v === "no") throw new Error(`no version of ${analystId}`);
  return v;
};

describe("articleUnits", () => {
  it("has no units until someone submits, and then only the submitted layers", () => {
    annotateAsA(db, s);
    annotateAsB(db, s);
    expect(articleUnits(db, s.articleId)).toEqual([]);
    submit(db, s, s.a);
    expect(submittedAnalysts(db, s.articleId)).toEqual([s.a.id]);
    const units = articleUnits(db, s.articleId);
    // B's draft is nobody's business: only A's versions, even where B decided.
    expect(units.every((u) => [...u.versions.keys()].join() === String(s.a.id))).toBe(true);
    expect(summary(units)).toEqual([
      [s.x, false, ["no"], []],
      [s.y, false, ["yes"], []],
      [s.w, false, ["yes"], []],
      [s.u, false, [undefined], []],
      [s.z, true, ["yes"], []],
    ]);
  });

  it("puts the two submitted layers side by side: X existence, Y source, Z existence", () => {
    annotateAsA(db, s);
    annotateAsB(db, s);
    submit(db, s, s.a);
    submit(db, s, s.b);
    const units = articleUnits(db, s.articleId);
    expect(summary(units)).toEqual([
      // A rejected X, B accepted it.
      [s.x, false, ["no", "yes"], ["existence"]],
      // Both accepted Y; A corrected its registry source.
      [s.y, false, ["yes", "yes"], ["sourceId"]],
      // Both accepted W as suggested, with the same likelihood.
      [s.w, false, ["yes", "yes"], []],
      // Nobody touched U: no opinion, nothing to dispute.
      [s.u, false, [undefined, undefined], []],
      // A made Z by hand; B did not, which is B's "no".
      [s.z, true, ["yes", "no"], ["existence"]],
    ]);
    const y = units.find((u) => u.rootId === s.y);
    expect(versionOf(y, s.a.id).sourceId).toBe(s.tehran);
    expect(versionOf(y, s.b.id).sourceId).toBe(s.spokesman);
    const z = units.find((u) => u.rootId === s.z);
    expect(z?.versions.get(s.b.id)).toBe("no");
    expect(versionOf(z, s.a.id)).toMatchObject({
      content: spanOf(TEXT, "nothing has changed since the strike"),
      sourceMention: spanOf(TEXT, "Critics"),
      cue: spanOf(TEXT, "say"),
    });
    expect(
      versionOf(
        units.find((u) => u.rootId === s.w),
        s.b.id,
      ).judgement.likelihood,
    ).toBe("likely");
  });

  it("groups overlapping hand-made claims of different analysts into one unit, at most one each", () => {
    const make = (content: string, by: { id: number }) =>
      createClaim(db, { articleId: s.articleId, content: spanOf(TEXT, content) }, by.id).id;
    // A's two claims both overlap B's one; B's joins the larger overlap ("funding the
    // militias", 20 characters, over "denied funding", 14).
    const a1 = make("Tehran denied funding", s.a);
    const a2 = make("funding the militias", s.a);
    const b1 = make("denied funding the militias", s.b);
    // Claims that overlap nothing of the other analyst stay alone; the other says "no".
    const b2 = make("Critics say", s.b);
    submit(db, s, s.a);
    submit(db, s, s.b);
    const handMade = articleUnits(db, s.articleId).filter((u) => u.handMade);
    expect(handMade.map((u) => [u.rootId, u.claimIds])).toEqual([
      [a1, [a1]],
      [a2, [a2, b1]],
      [b2, [b2]],
    ]);
    const [alone, shared, bAlone] = handMade as [Unit, Unit, Unit];
    expect([...alone.versions.values()].map(existenceOf)).toEqual(["yes", "no"]);
    expect([...bAlone.versions.values()].map(existenceOf)).toEqual(["no", "yes"]);
    // One unit, both say it exists, and their content spans differ.
    expect(versionOf(shared, s.a.id).claimId).toBe(a2);
    expect(versionOf(shared, s.b.id).claimId).toBe(b1);
    expect(disputedFields(shared)).toEqual(["content"]);
    expect(disputedFields(alone)).toEqual(["existence"]);
  });
});
