/**
 * Bytes → text: BOM detection, strict UTF-8/UTF-16, errors that say where the bad byte is, and (when
 * asked) a legacy charset detected by chardet for undeclared text that is not UTF-8.
 */
import { analyse } from "chardet";

export interface DecodedText {
  readonly text: string;
  /** WHATWG encoding name actually used: "utf-8", "utf-16le", "utf-16be", "windows-1252"… */
  readonly encoding: string;
  /** Present when `encoding` was guessed from the bytes (nothing declared it): chardet's confidence, 0–1. */
  readonly detected?: { readonly confidence: number };
}

export interface DecodeOptions {
  /**
   * Undeclared bytes (no BOM, no `declared`) that are not UTF-8 are decoded in the legacy charset
   * chardet finds most likely (windows-1252 for Latin-1 text), reported in `detected`, instead of
   * being refused. Text that holds valid multi-byte UTF-8 before its first bad byte is UTF-8 with a
   * corrupt byte, and is still refused.
   */
  readonly detectLegacy?: boolean;
}

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/**
 * Offset of the first byte that does not start a valid UTF-8 sequence (overlongs, surrogates and
 * code points past U+10FFFF included), or -1. Only run after the native decoder has refused.
 */
export function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    let max = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = b === 0xe0 ? 0xa0 : 0x80; // no overlong 3-byte forms
      if (b === 0xed) max = 0x9f; // no UTF-16 surrogates
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = b === 0xf0 ? 0x90 : 0x80; // no overlong 4-byte forms
      if (b === 0xf4) max = 0x8f; // nothing past U+10FFFF
    } else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined) return i;
      const lo = k === 1 ? min : 0x80;
      const hi = k === 1 ? max : 0xbf;
      if (c < lo || c > hi) return i;
    }
    i += need + 1;
  }
  return -1;
}

function decodeStrict(bytes: Uint8Array, encoding: string, offset: number): string {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(
      bytes.subarray(offset),
    );
  } catch {
    throw new Error(
      `Invalid ${encoding} text: ${bytes.length - offset} bytes after a ${encoding} byte-order mark ` +
        `do not decode (odd length or unpaired surrogate)`,
    );
  }
}

/**
 * Decodes article bytes. A BOM decides (UTF-8, UTF-16LE, UTF-16BE); otherwise `declared` (an
 * HTTP/meta charset label, or the user's --encoding) when given, else strict UTF-8, else (with
 * `detectLegacy`) the detected legacy charset. Invalid bytes in declared or UTF-8-looking text are
 * an error naming their offset, never silently replaced.
 */
export function decodeText(
  bytes: Uint8Array,
  declared?: string,
  options: DecodeOptions = {},
): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: decodeUtf8(bytes, 3), encoding: "utf-8" };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: decodeStrict(bytes, "utf-16le", 2), encoding: "utf-16le" };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: decodeStrict(bytes, "utf-16be", 2), encoding: "utf-16be" };
  }
  if (declared) {
    const decoder = declaredDecoder(declared);
    if (decoder.encoding === "windows-1252") {
      return { text: decodeWindows1252(bytes), encoding: decoder.encoding };
    }
    if (decoder.encoding !== "utf-8") {
      try {
        return { text: decoder.decode(bytes), encoding: decoder.encoding };
      } catch {
        throw new Error(`Invalid ${decoder.encoding} text: bytes that do not decode`);
      }
    }
  }
  if (declared || !options.detectLegacy) return { text: decodeUtf8(bytes, 0), encoding: "utf-8" };
  try {
    return { text: decodeUtf8(bytes, 0), encoding: "utf-8" };
  } catch (error) {
    return decodeDetected(bytes, error as Error);
  }
}

/** Labels chardet can name that are not a legacy single- or double-byte charset of undeclared text. */
const NOT_LEGACY = new Set([
  "ASCII",
  "UTF-8",
  "UTF-16BE",
  "UTF-16LE",
  "UTF-32",
  "UTF-32BE",
  "UTF-32LE",
]);

function decodeDetected(bytes: Uint8Array, utf8Error: Error): DecodedText {
  const bad = firstInvalidUtf8Offset(bytes);
  // Valid multi-byte UTF-8 before the first bad byte: UTF-8 with a corrupt byte, not Latin-1.
  if (bad > 0 && bytes.subarray(0, bad).some((b) => b >= 0x80)) throw utf8Error;
  for (const match of analyse(bytes)) {
    if (NOT_LEGACY.has(match.name) || match.confidence <= 0) continue;
    let decoder: InstanceType<typeof TextDecoder>;
    try {
      decoder = new TextDecoder(match.name, { fatal: true, ignoreBOM: true });
    } catch {
      continue; // a label this runtime cannot decode ("ISO_2022", "mbcs")
    }
    const confidence = match.confidence / 100;
    if (decoder.encoding === "windows-1252") {
      return { text: decodeWindows1252(bytes), encoding: "windows-1252", detected: { confidence } };
    }
    try {
      return { text: decoder.decode(bytes), encoding: decoder.encoding, detected: { confidence } };
    } catch {
      // Not this one after all: some byte does not decode; try the next candidate.
    }
  }
  throw new Error(
    `${utf8Error.message}, and no other character encoding fits; name it with --encoding`,
  );
}

// WHATWG windows-1252 for 0x80–0x9F (Node 20's TextDecoder decodes this label as Latin-1 and
// would turn curly quotes into C1 controls). Unassigned bytes map to the C1 code point, as WHATWG says.
const WINDOWS_1252_HIGH =
  "\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F" +
  "\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178";

function decodeWindows1252(bytes: Uint8Array): string {
  const chars: string[] = [];
  const chunk = 8192;
  for (let start = 0; start < bytes.length; start += chunk) {
    let part = "";
    const end = Math.min(bytes.length, start + chunk);
    for (let i = start; i < end; i++) {
      const b = bytes[i] ?? 0;
      part += b >= 0x80 && b < 0xa0 ? WINDOWS_1252_HIGH.charAt(b - 0x80) : String.fromCharCode(b);
    }
    chars.push(part);
  }
  return chars.join("");
}

function declaredDecoder(label: string): InstanceType<typeof TextDecoder> {
  try {
    return new TextDecoder(label.trim().toLowerCase(), { fatal: true, ignoreBOM: true });
  } catch {
    throw new Error(`Unknown character encoding "${label}"`);
  }
}

function decodeUtf8(bytes: Uint8Array, offset: number): string {
  try {
    return utf8.decode(offset === 0 ? bytes : bytes.subarray(offset));
  } catch {
    const bad = firstInvalidUtf8Offset(bytes.subarray(offset));
    const at = bad < 0 ? offset : bad + offset;
    const value = (bytes[at] ?? 0).toString(16).padStart(2, "0");
    throw new Error(`Invalid UTF-8 at byte offset ${at} (byte 0x${value})`);
  }
}
