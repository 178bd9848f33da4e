import { describe, expect, it } from "vitest";
import { codePointConverter, contextAround, utf16ToCodePointOffset } from "./code-points";

describe("codePointConverter", () => {
  it("is the identity for text without astral characters", () => {
    const toCp = codePointConverter("plain ascii and é");
    expect([0, 5, 17].map(toCp)).toEqual([0, 5, 17]);
  });

  it("counts each astral character (emoji, math letters) as one code point", () => {
    const text = "😀a𝔐b👀c";
    const toCp = codePointConverter(text);
    // UTF-16: 😀=0..2, a=2, 𝔐=3..5, b=5, 👀=6..8, c=8
    expect(toCp(2)).toBe(1);
    expect(toCp(3)).toBe(2);
    expect(toCp(5)).toBe(3);
    expect(toCp(8)).toBe(5);
    expect(toCp(text.length)).toBe([...text].length);
    for (const [i, ch] of [...text].entries()) {
      const utf16 = text.indexOf(ch);
      expect(toCp(utf16)).toBe(i);
    }
    expect(utf16ToCodePointOffset(text, 6)).toBe(4);
  });
});

describe("contextAround", () => {
  it("never cuts a surrogate pair in the prefix or suffix", () => {
    const text = `${"😀".repeat(20)}X${"👀".repeat(20)}`;
    const at = text.indexOf("X");
    const { prefix, suffix } = contextAround(text, at, at + 1, 3);
    expect(prefix).toBe("😀😀");
    expect(suffix).toBe("👀👀");
    expect(prefix.length).toBe(4);
  });

  it("keeps up to 32 characters of context", () => {
    const text = `${"a".repeat(50)}[x]${"b".repeat(50)}`;
    const { prefix, suffix } = contextAround(text, 50, 53);
    expect(prefix).toBe("a".repeat(32));
    expect(suffix).toBe("b".repeat(32));
  });
});
