import { describe, expect, it } from "vitest";
import { normalizeText } from "./normalize-text";

describe("normalizeText", () => {
  it("unifies line endings and keeps at most one blank line between paragraphs", () => {
    expect(normalizeText("One.\r\nTwo.\rThree.\u2028Four.")).toBe("One.\nTwo.\nThree.\nFour.");
    expect(normalizeText("A.\n\n\n\n\nB.\n \n\t\nC.")).toBe("A.\n\nB.\n\nC.");
  });

  it("collapses runs of spaces, tabs and Unicode spaces and trims lines and text", () => {
    expect(normalizeText("  The  minister\t\tsaid\u00A0so.  \n   Next.   ")).toBe(
      "The minister said so.\nNext.",
    );
    expect(normalizeText("Feb.\u202F6 talks\u3000resumed")).toBe("Feb. 6 talks resumed");
  });

  it("composes to NFC", () => {
    const decomposed = "Qaani visited Bogota\u0301 and Pe\u0301cs.";
    expect(normalizeText(decomposed)).toBe("Qaani visited Bogotá and Pécs.");
  });

  it("removes zero-width and control characters", () => {
    expect(normalizeText("sa\u200Bid\u0000 the\u00AD offi\uFEFFcial\u0007")).toBe(
      "said the official",
    );
    expect(normalizeText("\uFEFFHeadline")).toBe("Headline");
    expect(normalizeText("sa\u200Did")).toBe("said");
  });

  it("keeps joiners that carry meaning outside ASCII (Persian ZWNJ)", () => {
    expect(normalizeText("می\u200Cخواهم")).toBe("می\u200Cخواهم");
  });

  it("never alters quote characters", () => {
    const text =
      "“for strict security reasons,” he said, citing ‘proxies’ and \"allies\" in 'groups'.";
    expect(normalizeText(text)).toBe(text);
  });

  it("returns an empty string for whitespace-only input", () => {
    expect(normalizeText(" \n\t\r\n\u200B ")).toBe("");
  });
});
