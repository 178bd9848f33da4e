/** The editor pre-fills reporting stance from @claimdesk/types' cue table: it must agree with this lexicon. */
import { reportingStanceForCue } from "@claimdesk/types";
import { describe, expect, it } from "vitest";
import { ACCORDING_TO, REPORTING_VERBS } from "./reporting-verbs";

describe("cue → reporting stance", () => {
  it("the types table gives every lexicon lemma the lexicon's stance", () => {
    const disagreements = [...REPORTING_VERBS.values(), ACCORDING_TO]
      .filter((cue) => reportingStanceForCue(cue.lemma) !== cue.stance)
      .map((cue) => cue.lemma);
    expect(disagreements).toEqual([]);
  });
});
