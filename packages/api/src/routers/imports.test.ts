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
      paths: ["corpus"],
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
    expect(result.job).toMatchObject({ id, origin: "cli", status: "running", paths: ["in"] });
    expect(result.errors.total).toBe(3);
    expect(result.errors.items.map(({ file, line, reason }) => ({ file, line, reason }))).toEqual([
      { file: "in/a.jsonl", line: 5, reason: "no body" },
      { file: "in/b.txt", line: null, reason: "empty file" },
    ]);
  });

  it("shows a viewer the uploaded names and input names, never the server's folders", async () => {
    const uploads = "/srv/claimdesk/data/uploads/0b6f2c1e-7d7a-4a57-9a40-5f7c4f1e2a11";
    const upload = queueUploadedImport(api.db, {
      files: [`${uploads}/notes.txt`, `${uploads}/feed.jsonl`],
    });
    recordImportError(api.db, upload.id, {
      file: `${uploads}/feed.jsonl`,
      line: 3,
      reason: `invalid JSON in ${uploads}/feed.jsonl`,
    });
    finishImportJob(api.db, upload.id, {
      counts: { read: 2, imported: 1, duplicates: 0, failed: 1, claims: 0 },
      status: "failed",
      error: `EACCES: permission denied, open '${uploads}/notes.txt'`,
    });
    const cli = createImportJob(api.db, {
      paths: ["/home/ops/corpora/reuters", "/home/ops/extra.txt"],
      options: {},
    });
    recordImportError(api.db, cli, {
      file: "/home/ops/corpora/reuters/2024/a.html",
      line: null,
      reason: "no main text",
    });

    const { caller } = api.callerAs("viewer");
    const detail = await caller.imports.byId({ id: upload.id });
    expect(detail.job.paths).toEqual(["notes.txt", "feed.jsonl"]);
    expect(detail.job.error).toBe("EACCES: permission denied, open 'notes.txt'");
    expect(detail.errors.items).toMatchObject([
      { file: "feed.jsonl", line: 3, reason: "invalid JSON in feed.jsonl" },
    ]);
    const cliDetail = await caller.imports.byId({ id: cli });
    expect(cliDetail.job.paths).toEqual(["reuters", "extra.txt"]);
    expect(cliDetail.errors.items[0]?.file).toBe("reuters/2024/a.html");
    const list = await caller.imports.list({});
    // Nothing the API answers names a server folder.
    for (const answer of [detail, cliDetail, list]) {
      expect(JSON.stringify(answer)).not.toContain("/srv/");
      expect(JSON.stringify(answer)).not.toContain("/home/");
    }
    // Over HTTP too, exactly what the browser receives.
    const http = await api.http.query("imports.byId", { id: upload.id });
    expect(JSON.stringify(http.body)).not.toContain("/srv/");
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
