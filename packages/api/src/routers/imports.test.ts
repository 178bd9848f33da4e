import {
  claimNextQueuedJob,
  createImportJob,
  finishImportJob,
  queueUploadedImport,
  recordImportError,
} from "@claimdesk/db";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { expectFieldError, expectTRPCError, type HttpErrorBody, setupApi } from "../testing";

let api: ReturnType<typeof setupApi>;
beforeEach(() => {
  api = setupApi();
});
afterEach(() => api.db.$client.close());

describe("imports.list", () => {
  it("lists jobs newest first with origin, status and counts", async () => {
    const cli = createImportJob(api.db, { paths: ["/corpus"], options: { batchSize: 500 } });
    finishImportJob(api.db, cli, {
      counts: { read: 4, imported: 2, duplicates: 1, failed: 1, claims: 7 },
      status: "completed",
    });
    const upload = queueUploadedImport(api.db, { files: ["/data/uploads/x/a.txt"] });

    const result = await api.caller.imports.list({});
    expect(result.total).toBe(2);
    expect(result.items.map((j) => [j.id, j.origin, j.status])).toEqual([
      [upload.id, "upload", "queued"],
      [cli, "cli", "completed"],
    ]);
    expect(result.items[1]).toMatchObject({
      read: 4,
      imported: 2,
      duplicates: 1,
      failed: 1,
      claims: 7,
      paths: ["/corpus"],
    });
  });

  it("shows a claimed job as running", async () => {
    const job = queueUploadedImport(api.db, { files: ["/u/a.txt"] });
    claimNextQueuedJob(api.db);
    const result = await api.caller.imports.list({ limit: 1 });
    expect(result.items[0]).toMatchObject({ id: job.id, status: "running" });
    expect(result.items[0]?.startedAt).toEqual(expect.any(String));
  });

  it("rejects invalid paging with BAD_REQUEST naming the field", async () => {
    await expectTRPCError(api.caller.imports.list({ limit: 0 }), "BAD_REQUEST");
    await expectFieldError(api.http.query("imports.list", { limit: 101 }), "limit");
    await expectFieldError(api.http.query("imports.list", { offset: -1 }), "offset");
  });
});

describe("imports.byId", () => {
  it("returns the job with a page of its failed records", async () => {
    const id = createImportJob(api.db, { paths: ["/in"], options: {} });
    recordImportError(api.db, id, { file: "/in/a.jsonl", line: 2, reason: "invalid JSON" });
    recordImportError(api.db, id, { file: "/in/a.jsonl", line: 5, reason: "no body" });
    recordImportError(api.db, id, { file: "/in/b.txt", line: null, reason: "empty file" });

    const result = await api.caller.imports.byId({ id, errorsLimit: 2, errorsOffset: 1 });
    expect(result.job).toMatchObject({ id, origin: "cli", status: "running", paths: ["/in"] });
    expect(result.errors.total).toBe(3);
    expect(result.errors.items.map(({ file, line, reason }) => ({ file, line, reason }))).toEqual([
      { file: "/in/a.jsonl", line: 5, reason: "no body" },
      { file: "/in/b.txt", line: null, reason: "empty file" },
    ]);
  });

  it("answers NOT_FOUND for a missing job and BAD_REQUEST for bad input", async () => {
    const error = await expectTRPCError(api.caller.imports.byId({ id: 404 }), "NOT_FOUND");
    expect(error.message).toBe("Import job 404 not found");
    const http = await api.http.query("imports.byId", { id: 404 });
    expect(http.status).toBe(404);
    expect((http.body as HttpErrorBody).error.message).toBe("Import job 404 not found");
    await expectFieldError(api.http.query("imports.byId", { id: 0 }), "id");
    await expectFieldError(
      api.http.query("imports.byId", { id: 1, errorsLimit: 500 }),
      "errorsLimit",
    );
    await expectFieldError(
      api.http.query("imports.byId", { id: 1, errorsOffset: -2 }),
      "errorsOffset",
    );
  });
});
