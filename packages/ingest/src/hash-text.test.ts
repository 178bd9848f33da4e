import { describe, expect, it } from "vitest";
import { hashText } from "./hash-text";

describe("hashText", () => {
  it("is the sha256 hex digest of the UTF-8 text", () => {
    expect(hashText("abc")).toBe(
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    );
    expect(hashText("“é”")).toMatch(/^[0-9a-f]{64}$/);
  });

  it("changes with any change to the text", () => {
    expect(hashText("Tehran says.")).not.toBe(hashText("Tehran says"));
  });
});
