import { describe, expect, it } from "vitest";
import { reportingStanceForCue } from "./cue-stance";

describe("reportingStanceForCue", () => {
  it("reads distancing, committed and neutral cues", () => {
    expect(reportingStanceForCue("claim")).toBe("distancing");
    expect(reportingStanceForCue("Reveal")).toBe("committed");
    expect(reportingStanceForCue("say")).toBe("neutral");
    expect(reportingStanceForCue("according to")).toBe("neutral");
  });
  it("suggests nothing without a cue", () => {
    expect(reportingStanceForCue(null)).toBeNull();
    expect(reportingStanceForCue("  ")).toBeNull();
  });
});
