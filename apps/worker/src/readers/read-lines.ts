/** Splits a byte stream into lines without decoding it whole, so each line is checked as UTF-8 alone. */
import type { Readable } from "node:stream";

export type RawLine =
  /** 1-based line number; the bytes without the line ending. */
  | { line: number; bytes: Buffer; tooLong: false }
  /** A line longer than the cap: its bytes were dropped as they came, so memory stays flat. */
  | { line: number; bytes: null; tooLong: true };

/** Yields every line ("\n" or "\r\n" ended; the last may lack one) as raw bytes. */
export async function* readLines(stream: Readable, maxLineBytes: number): AsyncGenerator<RawLine> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let tooLong = false;
  let line = 0;
  const emit = (last: Buffer): RawLine => {
    line++;
    const wasTooLong = tooLong || pendingBytes + last.length > maxLineBytes;
    const parts = pending;
    pending = [];
    pendingBytes = 0;
    tooLong = false;
    if (wasTooLong) return { line, bytes: null, tooLong: true };
    const bytes = parts.length === 0 ? last : Buffer.concat([...parts, last]);
    const end =
      bytes.length > 0 && bytes[bytes.length - 1] === 0x0d ? bytes.length - 1 : bytes.length;
    return { line, bytes: bytes.subarray(0, end), tooLong: false };
  };
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    let start = 0;
    for (let nl = chunk.indexOf(0x0a); nl >= 0; nl = chunk.indexOf(0x0a, start)) {
      yield emit(chunk.subarray(start, nl));
      start = nl + 1;
    }
    if (start < chunk.length && !tooLong) {
      const rest = chunk.subarray(start);
      pendingBytes += rest.length;
      if (pendingBytes > maxLineBytes) {
        tooLong = true;
        pending = [];
      } else pending.push(rest);
    }
  }
  if (pending.length > 0 || tooLong) yield emit(Buffer.alloc(0));
}
