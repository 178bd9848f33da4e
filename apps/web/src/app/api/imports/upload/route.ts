/**
 * POST /api/imports/upload: multipart files from the Imports page are stored under uploads/ and
 * queued as one import job for `pnpm worker run`; answers `{ jobId, files }` (201) or `{ error }`.
 */

import { basename } from "node:path";
import { queueUploadedImport } from "@claimdesk/db";
import { IMPORT_UPLOAD_MAX_FILES } from "@claimdesk/types";
import { requireUser } from "~/server/auth";
import { getDb } from "~/server/db";
import { storeUpload, uploadsRoot } from "./store-upload";
import { checkUploadFiles, isCrossOrigin, MAX_BODY_BYTES, tooLarge } from "./upload-rules";

export const dynamic = "force-dynamic";

function reply(status: number, body: Record<string, unknown>): Response {
  return Response.json(body, { status, headers: { "cache-control": "no-store" } });
}

/**
 * The body, cut off once it passes `max`: a missing or false Content-Length cannot make the
 * multipart parser buffer more than the limit.
 */
function limitBody(body: ReadableStream<Uint8Array>, max: number) {
  let seen = 0;
  const stream = body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        seen += chunk.byteLength;
        if (seen > max) controller.error(new Error("Upload too large"));
        else controller.enqueue(chunk);
      },
    }),
  );
  return { stream, exceeded: () => seen > max };
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

  const body = limitBody(request.body, MAX_BODY_BYTES);
  let form: FormData;
  try {
    form = await new Response(body.stream, { headers: { "content-type": contentType } }).formData();
  } catch {
    if (body.exceeded()) return reply(413, { error: tooLarge().error });
    return reply(400, { error: "The upload could not be read as multipart/form-data." });
  }

  const files = form.getAll("files").filter((value): value is File => value instanceof File);
  const check = checkUploadFiles(files, IMPORT_UPLOAD_MAX_FILES);
  if (!check.ok) return reply(check.status, { error: check.error });

  let paths: string[];
  try {
    paths = await storeUpload(uploadsRoot(), files);
  } catch (error) {
    console.error("Storing an upload failed:", error);
    return reply(500, { error: "The files could not be stored on the server." });
  }
  const job = queueUploadedImport(getDb(), { files: paths });
  return reply(201, { jobId: job.id, files: paths.map((p) => basename(p)) });
}
