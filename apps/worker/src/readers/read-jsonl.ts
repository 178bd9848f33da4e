/** Streams a JSONL file (optionally gzipped): one article per line, each line parsed and mapped alone. */

import { collectionName } from "./collection-name";
import { describeMissingBody, type FieldMap, mapRecord, resolveFieldMap } from "./field-map";
import type { InputEvent } from "./input-events";
import { openInput } from "./open-maybe-gzip";
import { readLines } from "./read-lines";

// A line is one article (2 M characters at most) plus its metadata, JSON-escaped.
const MAX_LINE_BYTES = 16_000_000;
const utf8 = new TextDecoder("utf-8", { fatal: true });

export async function* readJsonl(
  file: string,
  gzip: boolean,
  map: FieldMap,
  collection = collectionName(file),
): AsyncGenerator<InputEvent> {
  // Keys repeat line after line: resolve the mapping once per distinct key list.
  let lastKeys = "";
  let resolved: FieldMap = {};
  for await (const raw of readLines(openInput(file, gzip), MAX_LINE_BYTES)) {
    const invalid = (reason: string): InputEvent => ({
      kind: "invalid",
      file,
      line: raw.line,
      reason,
    });
    if (raw.tooLong) {
      yield invalid(`too large: the line is over ${MAX_LINE_BYTES / 1_000_000} MB`);
      continue;
    }
    let text: string;
    try {
      text = utf8.decode(raw.bytes);
    } catch {
      yield invalid("invalid UTF-8 in the line");
      continue;
    }
    if (text.trim() === "") continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      yield invalid(`malformed JSON: ${error instanceof Error ? error.message : String(error)}`);
      continue;
    }
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      yield invalid(
        `not a JSON object: the line holds ${Array.isArray(value) ? "an array" : typeof value}`,
      );
      continue;
    }
    const object = value as Record<string, unknown>;
    const keys = Object.keys(object);
    const signature = keys.join("\u0000");
    if (signature !== lastKeys) {
      lastKeys = signature;
      resolved = resolveFieldMap(keys, map);
    }
    if (resolved.body === undefined) {
      yield invalid(describeMissingBody(keys, map));
      continue;
    }
    const mapped = mapRecord((name) => object[name], resolved);
    if (mapped.ok)
      yield {
        kind: "record",
        record: { kind: "fields", file, line: raw.line, collection, fields: mapped.fields },
      };
    else yield invalid(mapped.reason);
  }
}
