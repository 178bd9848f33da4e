import { describe, expect, it } from "vitest";
import { decodeHtml, sniffHtmlCharset } from "./decode-html";

const latin1 = (s: string) => Uint8Array.from(Buffer.from(s, "latin1"));
const utf8 = (s: string) => Uint8Array.from(Buffer.from(s, "utf8"));

describe("sniffHtmlCharset", () => {
  it("reads <meta charset> and http-equiv Content-Type", () => {
    expect(sniffHtmlCharset(latin1('<meta charset="windows-1252">'))).toBe("windows-1252");
    expect(sniffHtmlCharset(latin1("<META CHARSET=UTF-8>"))).toBe("utf-8");
    expect(
      sniffHtmlCharset(
        latin1('<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">'),
      ),
    ).toBe("iso-8859-1");
    expect(sniffHtmlCharset(latin1("<p>no declaration</p>"))).toBeNull();
  });

  it("looks only at the first 4 KB", () => {
    const late = `<html>${" ".repeat(5000)}<meta charset="windows-1252">`;
    expect(sniffHtmlCharset(latin1(late))).toBeNull();
  });
});

describe("decodeHtml", () => {
  it("decodes a page declaring windows-1252 with <meta charset>, curly quotes included", () => {
    const page = latin1('<meta charset="windows-1252"><p>\x93Caf\xe9\x94 \x96 it\x92s</p>');
    const decoded = decodeHtml(page);
    expect(decoded.encoding).toBe("windows-1252");
    expect(decoded.text).toContain("<p>“Café” – it’s</p>");
  });

  it("decodes an ISO-8859-1 page declared by http-equiv (as windows-1252, like browsers)", () => {
    const page = latin1(
      '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1"><p>S\xe3o Paulo\x92s</p>',
    );
    const decoded = decodeHtml(page);
    expect(decoded.encoding).toBe("windows-1252");
    expect(decoded.text).toContain("São Paulo’s");
  });

  it("lets a byte-order mark win over the declared charset", () => {
    const page = Uint8Array.from([
      0xef,
      0xbb,
      0xbf,
      ...utf8('<meta charset="windows-1252"><p>Café “x”</p>'),
    ]);
    const decoded = decodeHtml(page);
    expect(decoded.encoding).toBe("utf-8");
    expect(decoded.text).toBe('<meta charset="windows-1252"><p>Café “x”</p>');
  });

  it("decodes UTF-16LE with a BOM", () => {
    const body = Buffer.from("<p>Ünïcode</p>", "utf16le");
    const decoded = decodeHtml(Uint8Array.from([0xff, 0xfe, ...body]));
    expect(decoded).toEqual({ text: "<p>Ünïcode</p>", encoding: "utf-16le" });
  });

  it("uses UTF-8 without a declaration, and windows-1252 when the bytes are not UTF-8", () => {
    expect(decodeHtml(utf8("<p>Café</p>"))).toEqual({ text: "<p>Café</p>", encoding: "utf-8" });
    expect(decodeHtml(latin1("<p>Caf\xe9</p>"))).toEqual({
      text: "<p>Café</p>",
      encoding: "windows-1252",
    });
  });

  it("falls back the same way for an unknown or UTF-16 label without a BOM", () => {
    expect(decodeHtml(utf8('<meta charset="x-klingon"><p>Café</p>')).encoding).toBe("utf-8");
    expect(decodeHtml(utf8('<meta charset="utf-16"><p>Café</p>')).text).toContain("Café");
  });
});
