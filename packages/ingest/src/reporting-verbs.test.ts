import { REPORTING_STANCES } from "@claimdesk/types";
import { describe, expect, it } from "vitest";
import { ACCORDING_TO, lookupReportingVerb, REPORTING_VERBS } from "./reporting-verbs";

describe("REPORTING_VERBS", () => {
  it("holds about 250 inflected forms, all with a valid stance", () => {
    expect(REPORTING_VERBS.size).toBeGreaterThanOrEqual(250);
    for (const cue of REPORTING_VERBS.values()) expect(REPORTING_STANCES).toContain(cue.stance);
  });

  it("maps irregular and regular forms to their lemma", () => {
    const lemmas = Object.fromEntries(
      [
        "say",
        "says",
        "said",
        "saying",
        "told",
        "wrote",
        "written",
        "testified",
        "denies",
        "admitted",
      ].map((form) => [form, lookupReportingVerb(form)?.lemma]),
    );
    expect(lemmas).toEqual({
      say: "say",
      says: "say",
      said: "say",
      saying: "say",
      told: "tell",
      wrote: "write",
      written: "write",
      testified: "testify",
      denies: "deny",
      admitted: "admit",
    });
    expect(lookupReportingVerb("Announced")?.lemma).toBe("announce");
    expect(lookupReportingVerb("stresses")?.lemma).toBe("stress");
  });

  it("suggests neutral, distancing and committed stances by cue", () => {
    const stance = (form: string) => lookupReportingVerb(form)?.stance;
    for (const form of ["said", "told", "added", "announced", "warned", "vowed"])
      expect(stance(form), form).toBe("neutral");
    for (const form of ["claimed", "alleges", "insisted", "maintains", "contended"])
      expect(stance(form), form).toBe("distancing");
    for (const form of [
      "revealed",
      "confirmed",
      "showed",
      "acknowledged",
      "admits",
      "conceded",
      "proven",
      "noted",
    ])
      expect(stance(form), form).toBe("committed");
    expect(ACCORDING_TO).toMatchObject({ lemma: "according to", stance: "neutral" });
  });

  it("marks conflict verbs, hearer-taking verbs and words that need a complement", () => {
    expect(lookupReportingVerb("threatened")?.conflict).toBe(true);
    expect(lookupReportingVerb("pledging")?.conflict).toBe(true);
    expect(lookupReportingVerb("told")?.takesRecipient).toBe(true);
    expect(lookupReportingVerb("found")?.needsComplement).toBe(true);
    expect(lookupReportingVerb("said")?.needsComplement).toBe(false);
  });

  it("does not contain non-reporting verbs", () => {
    for (const form of ["advised", "trained", "funded", "supporting", "the"])
      expect(lookupReportingVerb(form), form).toBeUndefined();
  });

  it("holds stances and wishes, with noun-like forms marked (third PolNeAR pass)", () => {
    expect(lookupReportingVerb("wants")?.lemma).toBe("want");
    expect(lookupReportingVerb("quipped")?.lemma).toBe("quip");
    expect(lookupReportingVerb("supports")?.lemma).toBe("support");
    expect(lookupReportingVerb("calls")).toMatchObject({ lemma: "call", nounLike: true });
    expect(lookupReportingVerb("plans")).toMatchObject({ lemma: "plan", infinitive: true });
  });
});
