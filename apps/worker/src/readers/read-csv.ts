/** Streams a CSV file (optionally gzipped) through csv-parse: a header row, then one article per row. */
import { type CsvError, parse } from "csv-parse";
import { collectionName } from "./collection-name";
import { describeMissingBody, type FieldMap, mapRecord, resolveFieldMap } from "./field-map";
import type { InputEvent } from "./input-events";
import { openInput } from "./open-maybe-gzip";

interface ParsedRow {
  record: string[];
  info: { lines: number };
  raw: string;
}

/** 1-based line a row starts on: csv-parse reports the line it ends on, and a quoted field may span lines. */
function startLine(row: ParsedRow): number {
  let newlines = 0;
  for (let i = row.raw.indexOf("\n"); i >= 0; i = row.raw.indexOf("\n", i + 1)) newlines++;
  return row.info.lines - newlines + (row.raw.endsWith("\n") ? 1 : 0);
}

/**
 * Yields one event per data row. The header names the columns (see field-map.ts for the defaults);
 * a file whose header has no body column is reported once as unreadable, not row by row. Rows with
 * the wrong column count, broken quoting or invalid UTF-8 become `invalid` events with their line.
 */
export async function* readCsv(
  file: string,
  gzip: boolean,
  map: FieldMap,
  collection = collectionName(file),
): AsyncGenerator<InputEvent> {
  const skipped: InputEvent[] = [];
  const source = openInput(file, gzip);
  const parser = source.pipe(
    parse({
      bom: true,
      info: true,
      raw: true,
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      on_skip: (error: CsvError | undefined) => {
        if (error === undefined) return undefined;
        const line = (error as CsvError & { lines?: number }).lines ?? null;
        skipped.push({ kind: "invalid", file, line, reason: `malformed CSV: ${error.message}` });
        return undefined;
      },
    }),
  );
  // Errors of the file (or gzip) stream end the parse; stopping early closes the file.
  source.on("error", (error) => parser.destroy(error));
  parser.on("close", () => source.destroy());
  let header: string[] | null = null;
  let resolved: FieldMap = {};
  for await (const row of parser as AsyncIterable<ParsedRow>) {
    yield* skipped.splice(0);
    if (header === null) {
      header = row.record.map((name) => name.trim());
      resolved = resolveFieldMap(header, map);
      if (resolved.body === undefined) {
        parser.destroy();
        yield { kind: "unreadable", path: file, reason: describeMissingBody(header, map) };
        return;
      }
      continue;
    }
    const line = startLine(row);
    const invalid = (reason: string): InputEvent => ({ kind: "invalid", file, line, reason });
    if (row.record.length !== header.length) {
      yield invalid(
        `wrong column count: ${row.record.length} columns, the header has ${header.length}`,
      );
      continue;
    }
    // The parser decodes UTF-8 leniently; a replacement character is where a bad byte was.
    if (row.raw.includes("\uFFFD")) {
      yield invalid("invalid UTF-8 in the row (or a U+FFFD replacement character)");
      continue;
    }
    const cells = new Map(header.map((name, i) => [name, row.record[i]]));
    const mapped = mapRecord((name) => cells.get(name), resolved);
    if (mapped.ok)
      yield {
        kind: "record",
        record: { kind: "fields", file, line, collection, fields: mapped.fields },
      };
    else yield invalid(mapped.reason);
  }
  yield* skipped.splice(0);
}
