/**
 * GET /api/export?format=jsonl|csv|webanno|fever|claimreview&<claims table filter params>: the
 * selected claims as a streamed download (Content-Disposition: attachment). The filter params are
 * the claims table's (lib/claim-filter-url.ts), so "export this view" exports what the table shows.
 * `&count=1` answers `{ claims }` instead: how many claims the selection holds (with
 * format=fever|claimreview also `records`: how many of them the file would carry). `&history=1`
 * (format jsonl only) adds each claim's audit history to its line; `&layers=1` (format jsonl only)
 * adds every layer of each claim the reader may see (the proposal and each analyst's). Without a
 * status filter the export holds the reviewed claims (accepted or rejected in the gold layer);
 * `&all=1` includes the unreviewed suggestions.
 *
 * Each download reads through its own read-only connection: an open better-sqlite3 iterator makes
 * its connection refuse writes, and the app's shared connection must keep serving edits.
 */
import { countExportClaims, exportViewOf, openDb, resolveDbPath } from "@claimdesk/db";
import {
  createFormatter,
  ExportStats,
  exportChunks,
  exportFileName,
  exportSelection,
} from "@claimdesk/export";
import { EXPORT_FORMATS, ZExportFormatSchema } from "@claimdesk/types";
import { claimFilterFromSearchParams } from "~/lib/claim-filter-url";
import { requireUser } from "~/server/auth";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

function reply(status: number, body: Record<string, unknown>): Response {
  return Response.json(body, { status, headers: { "cache-control": "no-store" } });
}

export async function GET(request: Request): Promise<Response> {
  const auth = await requireUser(request, "viewer");
  if ("response" in auth) return auth.response;
  const params = new URL(request.url).searchParams;
  const format = ZExportFormatSchema.safeParse(params.get("format") ?? "jsonl");
  if (!format.success)
    return reply(400, {
      error: `Unknown export format "${params.get("format")}": use one of ${EXPORT_FORMATS.join(", ")}`,
    });
  const { filter, reviewedOnly } = exportSelection(
    claimFilterFromSearchParams(params),
    params.get("all") === "1",
  );
  const includeHistory = params.get("history") === "1";
  if (includeHistory && format.data !== "jsonl")
    return reply(400, {
      error: `history=1 is available for the canonical JSONL (format=jsonl) only, not ${format.data}`,
    });
  const layers = params.get("layers") === "1";
  if (layers && format.data !== "jsonl")
    return reply(400, {
      error: `layers=1 is available for the canonical JSONL (format=jsonl) only, not ${format.data}`,
    });
  const reader = { id: auth.user.id, role: auth.user.role };
  const db = openDb({ path: resolveDbPath(), readonly: true });

  if (params.get("count") === "1") {
    try {
      // Exports read the gold layer; an analyst's holds gold only on articles they submitted.
      const claims = countExportClaims(db, filter, exportViewOf(reader));
      // FEVER and ClaimReview leave claims without a judgement out: count the records they write
      // (a pass over the selection), so the form can say "0 records: no claim has a verdict".
      if (format.data !== "fever" && format.data !== "claimreview") return reply(200, { claims });
      const stats = new ExportStats();
      for (const _ of exportChunks(db, { format: format.data, filter, reader }, stats)) {
        // only the counts are wanted
      }
      return reply(200, { claims, records: stats.total.records });
    } finally {
      db.$client.close();
    }
  }

  // The blind rule: an analyst's export carries others' layers and annotations only where theirs
  // is submitted (packages/export/src/blind.ts).
  const chunks = exportChunks(db, {
    format: format.data,
    filter,
    includeHistory,
    layers,
    reader,
    reviewedOnly,
  });
  const encoder = new TextEncoder();
  const close = () => {
    chunks.return(undefined);
    if (db.$client.open) db.$client.close();
  };
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      try {
        const next = chunks.next();
        if (next.done) {
          close();
          controller.close();
        } else controller.enqueue(encoder.encode(next.value));
      } catch (error) {
        close();
        controller.error(error);
      }
    },
    cancel() {
      close();
    },
  });
  const stamp = new Date().toISOString().slice(0, 10);
  const name = exportFileName(format.data, `claimdesk-${stamp}`);
  return new Response(body, {
    headers: {
      "content-type": createFormatter(format.data).mediaType,
      "content-disposition": `attachment; filename="${name}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
