/**
 * POST /api/imports/upload: multipart files from the Imports page are streamed to disk under
 * uploads/ (store-upload.ts: never buffered whole) and queued as one import job for
 * `pnpm worker run`; answers `{ jobId, files }` (201) or `{ error }`. The worker deletes the files
 * once their job has completed; a failed job's stay until it is retried or an admin runs
 * `pnpm worker uploads clean`.
 */

import { basename } from "node:path";
import { queueUploadedImport } from "@claimdesk/db";
import { requireUser } from "~/server/auth";
import { getDb } from "~/server/db";
import { discardUpload, receiveUpload, uploadsRoot } from "./store-upload";
import { isCrossOrigin, MAX_BODY_BYTES, tooLarge } from "./upload-rules";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

function reply(status: number, body: Record<string, unknown>): Response {
  return Response.json(body, { status, headers: { "cache-control": "no-store" } });
}

export async function POST(request: Request): Promise<Response> {
  if (isCrossOrigin(request.headers)) {
    return reply(403, { error: "Uploads are accepted from this site's own pages only." });
  }
  const auth = await requireUser(request, "analyst");
  if ("response" in auth) return auth.response;
  const contentType = request.headers.get("content-type") ?? "";
  if (!contentType.toLowerCase().startsWith("multipart/form-data")) {
    return reply(415, { error: "Send the files as multipart/form-data." });
  }
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > MAX_BODY_BYTES) return reply(413, { error: tooLarge().error });
  if (request.body === null) return reply(400, { error: "Choose at least one file." });

  let upload: Awaited<ReturnType<typeof receiveUpload>>;
  try {
    upload = await receiveUpload(uploadsRoot(), request.body, contentType);
  } catch (error) {
    console.error("Storing an upload failed:", error);
    return reply(500, { error: "The files could not be stored on the server." });
  }
  if (!upload.ok) return reply(upload.status, { error: upload.error });
  try {
    const job = queueUploadedImport(getDb(), { files: upload.paths });
    return reply(201, { jobId: job.id, files: upload.paths.map((p) => basename(p)) });
  } catch (error) {
    await discardUpload(upload.folder);
    throw error;
  }
}
