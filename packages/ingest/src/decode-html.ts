/** HTML bytes → text: BOM, then the charset a <meta> declares in the first 4 KB, else UTF-8, else windows-1252. */
import { type DecodedText, decodeText } from "./decode-text";

// HTML's prescan looks at the first 1024 bytes; real pages put a long <head> first, so 4 KB.
const PRESCAN_BYTES = 4096;
// Covers <meta charset="x"> and <meta http-equiv="Content-Type" content="text/html; charset=x">.
const META_CHARSET = /<meta\b[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/i;

/** The charset label a page declares near its start, or null. */
export function sniffHtmlCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, PRESCAN_BYTES));
  return META_CHARSET.exec(head.toString("latin1"))?.[1]?.toLowerCase() ?? null;
}

function isKnownLabel(label: string): boolean {
  try {
    new TextDecoder(label);
    return true;
  } catch {
    return false;
  }
}

/**
 * Decodes a page. A BOM wins; a declared single-byte or CJK charset is decoded strictly. A page that
 * declares UTF-8 (or nothing, or an unknown label) but is not valid UTF-8 is windows-1252, the
 * web's de-facto default: every byte maps to a character, so nothing is dropped.
 */
export function decodeHtml(bytes: Uint8Array): DecodedText {
  const hasBom =
    (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) ||
    (bytes[0] === 0xff && bytes[1] === 0xfe) ||
    (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (hasBom) return decodeText(bytes);
  const declared = sniffHtmlCharset(bytes);
  // A meta tag cannot declare UTF-16 (it would not be ASCII-readable): WHATWG treats it as UTF-8.
  if (declared !== null && isKnownLabel(declared) && !declared.startsWith("utf-16")) {
    const encoding = new TextDecoder(declared).encoding;
    if (encoding !== "utf-8") return decodeText(bytes, declared);
  }
  try {
    return decodeText(bytes);
  } catch {
    return decodeText(bytes, "windows-1252");
  }
}
