import { describe, expect, it } from "vitest";
import { decodeText, firstInvalidUtf8Offset } from "./decode-text";

const bytes = (...values: number[]) => new Uint8Array(values);
const utf8 = (text: string) => new TextEncoder().encode(text);

function utf16(text: string, littleEndian: boolean): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out.set(littleEndian ? [0xff, 0xfe] : [0xfe, 0xff]);
  const view = new DataView(out.buffer);
  for (let i = 0; i < text.length; i++) view.setUint16(2 + i * 2, text.charCodeAt(i), littleEndian);
  return out;
}

describe("decodeText", () => {
  it("decodes plain UTF-8", () => {
    expect(decodeText(utf8("“Tehran” says"))).toEqual({ text: "“Tehran” says", encoding: "utf-8" });
  });

  it("strips a UTF-8 byte-order mark", () => {
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8("Headline")]);
    expect(decodeText(withBom)).toEqual({ text: "Headline", encoding: "utf-8" });
  });

  it("decodes UTF-16LE and UTF-16BE text by its BOM", () => {
    const text = "Kataib Hezbollah “announced” it — 🙂";
    expect(decodeText(utf16(text, true))).toEqual({ text, encoding: "utf-16le" });
    expect(decodeText(utf16(text, false))).toEqual({ text, encoding: "utf-16be" });
  });

  it("rejects invalid UTF-8 naming the byte offset of the first bad sequence", () => {
    expect(() => decodeText(bytes(0x61, 0x62, 0xff, 0x63))).toThrow(/byte offset 2\b.*0xff/);
    // Truncated 3-byte sequence at the end.
    expect(() => decodeText(bytes(0x61, 0xe2, 0x82))).toThrow(/byte offset 1\b/);
    // After a BOM the offset still counts from the start of the file.
    expect(() => decodeText(bytes(0xef, 0xbb, 0xbf, 0x61, 0xc3))).toThrow(/byte offset 4\b/);
  });

  it("rejects odd-length UTF-16 rather than dropping a byte", () => {
    expect(() => decodeText(bytes(0xff, 0xfe, 0x61, 0x00, 0x62))).toThrow(/utf-16le/);
  });

  it("uses a declared charset when there is no BOM", () => {
    // windows-1252 curly quotes around "hi".
    expect(decodeText(bytes(0x93, 0x68, 0x69, 0x94), "windows-1252")).toEqual({
      text: "“hi”",
      encoding: "windows-1252",
    });
    expect(decodeText(utf8("é"), "UTF-8")).toEqual({ text: "é", encoding: "utf-8" });
    expect(() => decodeText(bytes(0x61), "klingon-8")).toThrow(/Unknown character encoding/);
  });
});

describe("decodeText with detectLegacy (undeclared legacy charsets)", () => {
  // "Le café « naïve » coûte 3 € — déjà vu", then an English sentence with curly quotes, in
  // windows-1252: é=0xE9, ï=0xEF, û=0xFB, €=0x80, —=0x97, “ ”=0x93 0x94, ’=0x92.
  const latin = (text: string) =>
    Uint8Array.from(text, (c) => {
      const high: Record<string, number> = {
        "€": 0x80,
        "—": 0x97,
        "“": 0x93,
        "”": 0x94,
        "’": 0x92,
      };
      return high[c] ?? c.charCodeAt(0);
    });
  const text =
    "Le café naïve coûte 3 € — déjà vu. “The minister’s aides said the talks would resume,” " +
    "officials said on Tuesday, according to the ministry’s statement.";

  it("decodes windows-1252 text with no BOM or declaration and says it was detected", () => {
    const decoded = decodeText(latin(text), undefined, { detectLegacy: true });
    expect(decoded.text).toBe(text);
    expect(decoded.encoding).toBe("windows-1252");
    expect(decoded.detected?.confidence).toBeGreaterThan(0);
    expect(decoded.detected?.confidence).toBeLessThanOrEqual(1);
  });

  it("without detectLegacy the same bytes are still refused as invalid UTF-8", () => {
    expect(() => decodeText(latin(text))).toThrow(/Invalid UTF-8 at byte offset 6\b/);
  });

  it("bytes declared or forced UTF-8 are still refused, never guessed", () => {
    expect(() => decodeText(latin(text), "utf-8", { detectLegacy: true })).toThrow(
      /Invalid UTF-8 at byte offset 6\b/,
    );
  });

  it("valid UTF-8 with one corrupt byte is broken UTF-8, not Latin-1", () => {
    const broken = new Uint8Array([
      ...utf8("déjà vu, the minister said "),
      0xff,
      ...utf8(" again"),
    ]);
    expect(() => decodeText(broken, undefined, { detectLegacy: true })).toThrow(
      /Invalid UTF-8 at byte offset 29\b/,
    );
  });

  it("UTF-8 text is UTF-8, with nothing detected", () => {
    expect(decodeText(utf8("“déjà” vu"), undefined, { detectLegacy: true })).toEqual({
      text: "“déjà” vu",
      encoding: "utf-8",
    });
  });

  it("a forced legacy encoding is used as given", () => {
    expect(decodeText(latin("café “x”"), "latin1")).toEqual({
      text: "café “x”",
      encoding: "windows-1252",
    });
  });
});

describe("firstInvalidUtf8Offset", () => {
  it("returns -1 for valid UTF-8, including 4-byte sequences", () => {
    expect(firstInvalidUtf8Offset(utf8("ascii é ” 🙂"))).toBe(-1);
  });

  it("finds overlongs, surrogates, out-of-range and stray continuation bytes", () => {
    expect(firstInvalidUtf8Offset(bytes(0x41, 0xc0, 0xaf))).toBe(1); // overlong "/"
    expect(firstInvalidUtf8Offset(bytes(0xe0, 0x80, 0xaf))).toBe(0); // overlong 3-byte
    expect(firstInvalidUtf8Offset(bytes(0x41, 0x42, 0xed, 0xa0, 0x80))).toBe(2); // surrogate
    expect(firstInvalidUtf8Offset(bytes(0xf4, 0x90, 0x80, 0x80))).toBe(0); // > U+10FFFF
    expect(firstInvalidUtf8Offset(bytes(0x41, 0x80))).toBe(1); // lone continuation
  });
});
