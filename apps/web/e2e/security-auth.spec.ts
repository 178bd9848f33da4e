/**
 * Security over HTTP and in the browser, against the running production server:
 * - a viewer cannot mutate (every write answers 403 FORBIDDEN and changes nothing);
 * - an analyst cannot read another's annotation before submitting their own (API, history, export);
 * - forged, tampered and expired session cookies are refused (401, and pages go to sign-in);
 * - cross-site POSTs with a valid cookie are refused (tRPC, the upload route, better-auth's
 *   sign-out), and the session cookie is HttpOnly, SameSite=Lax, Path=/;
 * - SQL metacharacters and script payloads in every text field an analyst, adjudicator or admin
 *   can write are stored verbatim and shown as literal text (security.spec.ts covers article text).
 * Each test makes its own data (its own article, sources, users) and picks targets by state.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  type APIRequestContext,
  type APIResponse,
  type Browser,
  expect,
  type Locator,
  type Page,
  request as playwrightRequest,
  test,
} from "@playwright/test";
import { freshClientIp, mutate, query, watchErrors } from "./support";
import { E2E_PASSWORD, E2E_USERS, e2eDbPath, e2ePort, repoRoot, webDir } from "./users.mjs";

const dbPath = e2eDbPath();
const BASE = `http://localhost:${e2ePort()}`;
/** Names this run's data apart from earlier runs' on the same database. */
const RUN = Date.now().toString(36);
const EVIL = { origin: "https://evil.example", "sec-fetch-site": "cross-site" };

/** The payloads every writable text field must store and show verbatim. */
const SQL_DROP = "'); DROP TABLE claims;--";
const SQL_OR = '" OR 1=1 --';
const SCRIPT = "<script>window.__pwned=1</script>";
const IMG = '<img src=x onerror="window.__pwned=1">';
const UNICODE = "RTL \u202Edesrever\u202C مرحبا 🚀👩‍👩‍👧 Zoë";
const PAYLOADS = [SQL_DROP, SQL_OR, SCRIPT, IMG, UNICODE] as const;
/** An imported article's text loses invisible bidi controls (packages/ingest normalize-text.ts), so
 * a claim's content, a span of that text, carries the payload in this form. */
const asImported = (payload: string) => payload.replace(/[\u202A-\u202E\u2066-\u2069]/g, "");

// ---------------------------------------------------------------------------------------------
// tRPC over HTTP

interface TrpcError {
  error: { message: string; data: { code: string; httpStatus: number } };
}

async function errorCode(res: APIResponse): Promise<string | undefined> {
  const body = (await res.json().catch(() => null)) as TrpcError | null;
  return body?.error?.data?.code;
}

type UserKey = keyof typeof E2E_USERS;

/**
 * This spec's own signed-in states, per port: test-results/auth/ is shared by every run on the
 * machine, and a run on another port rewrites it with sessions this server does not know.
 */
const stateDir = join(webDir, "test-results", `auth-security-${e2ePort()}`);
const statePath = (key: UserKey) => join(stateDir, `${key}.json`);

test.beforeAll(async () => {
  mkdirSync(stateDir, { recursive: true });
  for (const key of ["admin", "ana", "judy", "vic"] as const) {
    const { api } = await freshSession(key);
    await api.storageState({ path: statePath(key) });
    await api.dispose();
  }
});
test.use({ storageState: statePath("ana") });

/** A page in a fresh browser context signed in as `key`; close its context after. */
async function pageAs(browser: Browser, key: UserKey): Promise<Page> {
  const context = await browser.newContext({ storageState: statePath(key) });
  return context.newPage();
}

/** An API context signed in as `key` (its saved state), or with a raw Cookie header. */
function apiAs(key: UserKey): Promise<APIRequestContext> {
  return playwrightRequest.newContext({ baseURL: BASE, storageState: statePath(key) });
}
// In a test, new contexts start from the config's storage state (Ana): start from none instead.
const NO_STATE = { cookies: [], origins: [] };

function apiWithCookie(cookie: string | null): Promise<APIRequestContext> {
  return playwrightRequest.newContext({
    baseURL: BASE,
    storageState: NO_STATE,
    extraHTTPHeaders: cookie ? { cookie } : {},
  });
}

/** A fresh session of `key` signed in through better-auth; returns its context and Set-Cookie.
 * Each from its own client address (better-auth reads x-forwarded-for), as auth.spec.ts does, so
 * this spec never uses up the sign-in allowance of the suite's 127.0.0.1. */
async function freshSession(key: UserKey) {
  const api = await playwrightRequest.newContext({ baseURL: BASE, storageState: NO_STATE });
  const res = await api.post("/api/auth/sign-in/email", {
    data: { email: E2E_USERS[key].email, password: E2E_PASSWORD },
    headers: { origin: BASE, "x-forwarded-for": freshClientIp() },
  });
  expect(res.status(), await res.text()).toBe(200);
  const setCookie = res
    .headersArray()
    .filter((h) => h.name.toLowerCase() === "set-cookie")
    .map((h) => h.value);
  const session = setCookie.find((c) => c.startsWith("claimdesk.session_token="));
  expect(session, setCookie.join("\n")).toBeTruthy();
  const value = decodeURIComponent((session ?? "").split(";")[0]?.split("=")[1] ?? "");
  return { api, setCookie: session ?? "", value, token: value.split(".")[0] ?? "" };
}

/** The saved session cookie's value (`token.signature`) of an e2e user. */
async function savedCookieValue(key: UserKey): Promise<string> {
  const api = await apiAs(key);
  const state = await api.storageState();
  await api.dispose();
  const cookie = state.cookies.find((c) => c.name === "claimdesk.session_token");
  expect(cookie).toBeTruthy();
  return decodeURIComponent(cookie?.value ?? "");
}

// ---------------------------------------------------------------------------------------------
// The e2e database and the worker

interface SqliteDb {
  prepare(sql: string): { run(...params: unknown[]): { changes: number } };
  close(): void;
}

/** The server's database file, opened beside it (WAL lets both write); better-sqlite3 is
 * packages/db's dependency. */
function openE2eDb(): SqliteDb {
  const require = createRequire(join(repoRoot, "packages", "db", "package.json"));
  const Database = require("better-sqlite3") as new (path: string) => SqliteDb;
  return new Database(dbPath);
}

/** Imports `text` as an article with the worker CLI (as real articles arrive); returns its id. */
async function importArticle(api: APIRequestContext, name: string, text: string, word: string) {
  const dir = mkdtempSync(join(tmpdir(), "claimdesk-sec-"));
  const file = join(dir, name);
  writeFileSync(file, text);
  const run = spawnSync("pnpm", ["--dir", repoRoot, "worker", "import", file], {
    env: { ...process.env, CLAIMDESK_DB: dbPath },
    encoding: "utf8",
  });
  expect(run.status, run.stderr).toBe(0);
  const { items } = await query<{ items: { id: number }[] }>(api, "article.list", { query: word });
  expect(items.length).toBe(1);
  return items[0]?.id ?? 0;
}

interface Span {
  start: number;
  end: number;
  exact: string;
}
interface ClaimDetail {
  id: number;
  version: number;
  status: string;
  contentText: string;
  cueLemma: string | null;
  sourceId: number | null;
  propositionId: number | null;
  annotation: { id: number; version: number; note: string | null; tags: string[] } | null;
}
interface ArticleDetail {
  article: { id: number; text: string };
  claims: ClaimDetail[];
}

function spanOf(text: string, exact: string): Span {
  const start = text.indexOf(exact);
  expect(start, `${exact} is in the article`).toBeGreaterThanOrEqual(0);
  return { start, end: start + exact.length, exact };
}

/** Nothing ran: no payload set window.__pwned, no injected <img> or <script> made it to the DOM. */
async function expectInert(page: Page): Promise<void> {
  const pwned = await page.evaluate(() => (window as unknown as Record<string, unknown>).__pwned);
  expect(pwned).toBeUndefined();
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  const injected = await page.evaluate(() =>
    [...document.querySelectorAll("script")].some((s) => s.textContent === "window.__pwned=1"),
  );
  expect(injected).toBe(false);
}

/** `text` is on the page inside `scope`: as text, or as the value of a field (pickers, inputs). */
async function expectShown(scope: Locator, text: string): Promise<void> {
  await expect
    .poll(() =>
      scope.evaluate(
        (el, wanted) =>
          (el.textContent ?? "").includes(wanted) ||
          [...el.querySelectorAll("input, textarea")].some(
            (field) => (field as HTMLInputElement).value === wanted,
          ),
        text,
      ),
    )
    .toBe(true);
}

async function closePage(page: Page) {
  await page.context().close();
}

// ---------------------------------------------------------------------------------------------
// A viewer cannot mutate

test("a viewer's writes are refused with 403 FORBIDDEN and change nothing", async ({
  request,
  browser,
}) => {
  const articleId = await importArticle(
    request,
    `velmora-viewer-${RUN}.txt`,
    `Velmora${RUN} council votes\n\nThe Velmora${RUN} council approved the budget, the mayor said on Tuesday.\n`,
    `Velmora${RUN}`,
  );
  const before = await query<ArticleDetail>(request, "article.byId", { id: articleId });
  const claim = before.claims[0];
  expect(claim, "the worker suggested a claim").toBeTruthy();
  if (!claim) return;

  const vic = await apiAs("vic");
  const me = await query<{ role: string }>(vic, "users.me");
  expect(me.role).toBe("viewer");
  const span = spanOf(before.article.text, "approved the budget");
  const writes: [string, unknown][] = [
    ["claim.update", { id: claim.id, version: claim.version, patch: { status: "accepted" } }],
    ["claim.create", { articleId, content: span }],
    ["claim.delete", { id: claim.id, version: claim.version }],
    ["annotation.upsert", { claimId: claim.id, values: { note: "viewer was here" } }],
    ["source.create", { name: `Velmora${RUN} viewer source` }],
    ["proposition.create", { text: "Velmora viewer proposition" }],
    ["corpus.bulkUpdate", { claims: [{ id: claim.id, version: claim.version }], action: "accept" }],
    ["corpus.mergeSources", { keepId: 1, mergeId: 2 }],
    [
      "users.create",
      { name: "Mallory", email: "m@e2e.test", password: "x".repeat(12), role: "admin" },
    ],
    ["adjudication.decide", { claimId: claim.id, values: {}, note: "viewer", version: null }],
  ];
  for (const [path, input] of writes) {
    const res = await vic.post(`/api/trpc/${path}`, { data: input });
    expect(res.status(), path).toBe(403);
    expect(await errorCode(res), path).toBe("FORBIDDEN");
  }
  const upload = await vic.post("/api/imports/upload", {
    multipart: {
      files: { name: "v.txt", mimeType: "text/plain", buffer: Buffer.from("Viewer upload.") },
    },
  });
  expect(upload.status()).toBe(403);
  // Reading and exporting are what a viewer is for.
  // The article's claims are unreviewed suggestions: all=1 exports them too.
  const exported = await vic.get(`/api/export?format=jsonl&all=1&articleId=${articleId}`);
  expect(exported.status()).toBe(200);
  expect(await exported.text()).toContain(`Velmora${RUN} council approved`);

  const after = await query<ArticleDetail>(request, "article.byId", { id: articleId });
  expect(after.claims.map((c) => [c.id, c.version, c.status])).toEqual(
    before.claims.map((c) => [c.id, c.version, c.status]),
  );
  expect(after.claims[0]?.annotation ?? null).toBeNull();
  const sources = await query<{ items: unknown[] }>(request, "source.list", {
    query: `Velmora${RUN}`,
  });
  expect(sources.items).toEqual([]);
  await vic.dispose();

  // The viewer still reads the article in the browser, without errors.
  const page = await pageAs(browser, "vic");
  const errors = watchErrors(page);
  await page.goto(`/articles/${articleId}`);
  await expect(page.getByTestId("article-text")).toContainText(`Velmora${RUN} council approved`);
  await expect(page.getByTestId("claim-row")).toHaveCount(before.claims.length);
  // Opening a claim shows it read-only: no editor, no status or annotation controls.
  const row = page.getByTestId("claim-row").first();
  await row.locator("[data-claim-toggle]").click();
  await expect(row.getByTestId("claim-read-only")).toBeVisible();
  await expect(page.getByTestId("claim-editor")).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^(accept|reject)/i })).toHaveCount(0);
  expect(errors).toEqual([]);
  await closePage(page);
});

// ---------------------------------------------------------------------------------------------
// The blind rule

test("an analyst cannot read another's annotation before submitting their own", async ({
  request,
}) => {
  const articleId = await importArticle(
    request,
    `quenby-blind-${RUN}.txt`,
    `Quenby${RUN} ferry\n\nThe Quenby${RUN} ferry will stop in winter, the operator said.\n`,
    `Quenby${RUN}`,
  );
  const claim = (await query<ArticleDetail>(request, "article.byId", { id: articleId })).claims[0];
  expect(claim, "the worker suggested a claim").toBeTruthy();
  if (!claim) return;
  const secret = `Ben's blind note ${RUN}`;
  const { api: ben } = await freshSession("ben");
  await mutate(ben, "annotation.upsert", {
    claimId: claim.id,
    values: { note: secret, likelihood: "likely" },
  });
  await mutate(ben, "annotation.submit", { claimId: claim.id });
  await ben.dispose();

  // Ana has not submitted: Ben's note is in none of the reads she can make.
  const reads = [
    `/api/trpc/annotation.forClaim?input=${encodeURIComponent(JSON.stringify({ claimId: claim.id }))}`,
    `/api/trpc/history.forClaim?input=${encodeURIComponent(JSON.stringify({ claimId: claim.id }))}`,
    `/api/trpc/article.byId?input=${encodeURIComponent(JSON.stringify({ id: articleId }))}`,
    `/api/export?format=jsonl&history=1&articleId=${articleId}`,
    `/api/export?format=csv&articleId=${articleId}`,
  ];
  for (const url of reads) {
    const res = await request.get(url);
    expect(res.status(), url).toBe(200);
    expect(await res.text(), url).not.toContain(secret);
  }
  const hidden = await query<{ others: unknown[]; othersHidden: boolean }>(
    request,
    "annotation.forClaim",
    { claimId: claim.id },
  );
  expect(hidden).toMatchObject({ others: [], othersHidden: true });

  // Once she submits her own, Ben's submitted annotation is shown beside it.
  await mutate(request, "annotation.submit", { claimId: claim.id });
  const shown = await query<{ others: { note: string | null }[]; othersHidden: boolean }>(
    request,
    "annotation.forClaim",
    { claimId: claim.id },
  );
  expect(shown.othersHidden).toBe(false);
  expect(shown.others.map((o) => o.note)).toEqual([secret]);
});

// ---------------------------------------------------------------------------------------------
// Forged and expired sessions

test("no cookie, a random token and a tampered signature are refused with 401", async ({
  browser,
}) => {
  const real = await savedCookieValue("vic");
  const [token = "", signature = ""] = real.split(".");
  const flipped = `${signature.slice(0, -3)}${signature.endsWith("AAA") ? "BBB" : "AAA"}`;
  const cookies: [string, string | null][] = [
    ["no cookie", null],
    ["random token", "claimdesk.session_token=Zm9yZ2VkdG9rZW4.Zm9yZ2Vkc2lnbmF0dXJl"],
    ["tampered signature", `claimdesk.session_token=${encodeURIComponent(`${token}.${flipped}`)}`],
    ["unsigned token", `claimdesk.session_token=${encodeURIComponent(token)}`],
  ];
  for (const [label, cookie] of cookies) {
    const api = await apiWithCookie(cookie);
    const read = await api.get(`/api/trpc/article.list?input=${encodeURIComponent("{}")}`);
    expect(read.status(), label).toBe(401);
    expect(await errorCode(read), label).toBe("UNAUTHORIZED");
    const write = await api.post("/api/trpc/source.create", { data: { name: `Forged ${label}` } });
    expect(write.status(), label).toBe(401);
    const exported = await api.get("/api/export?format=jsonl");
    expect(exported.status(), label).toBe(401);
    await api.dispose();
  }
  // The genuine cookie works, so the 401s above are the forgery's doing.
  const genuine = await apiWithCookie(`claimdesk.session_token=${encodeURIComponent(real)}`);
  expect((await genuine.get(`/api/trpc/users.me?input=${encodeURIComponent("{}")}`)).status()).toBe(
    200,
  );
  await genuine.dispose();

  // A page opened with a forged cookie ends on the sign-in page.
  const context = await browser.newContext({ storageState: NO_STATE });
  await context.addCookies([
    {
      name: "claimdesk.session_token",
      value: encodeURIComponent(`${token}.${flipped}`),
      url: BASE,
      httpOnly: true,
      sameSite: "Lax",
    },
  ]);
  const page = await context.newPage();
  await page.goto("/claims");
  await expect(page).toHaveURL(/\/sign-in(\?|$)/);
  await context.close();
});

test("an expired session is refused with 401 even with its genuine signed cookie", async ({
  browser,
}) => {
  const { api, token } = await freshSession("ben");
  expect((await api.get(`/api/trpc/users.me?input=${encodeURIComponent("{}")}`)).status()).toBe(
    200,
  );
  const db = openE2eDb();
  try {
    const changed = db
      .prepare("UPDATE sessions SET expires_at = ? WHERE token = ?")
      .run(Date.now() - 60_000, token).changes;
    expect(changed).toBe(1);
  } finally {
    db.close();
  }
  const read = await api.get(`/api/trpc/article.list?input=${encodeURIComponent("{}")}`);
  expect(read.status()).toBe(401);
  expect(await errorCode(read)).toBe("UNAUTHORIZED");
  expect((await api.post("/api/trpc/users.signOutEverywhere", { data: {} })).status()).toBe(401);
  const state = await api.storageState();
  await api.dispose();

  // A page opened with the expired session ends on the sign-in page.
  const context = await browser.newContext({ storageState: state });
  const page = await context.newPage();
  await page.goto("/claims");
  await expect(page).toHaveURL(/\/sign-in(\?|$)/);
  await context.close();
});

// ---------------------------------------------------------------------------------------------
// CSRF and the session cookie

test("the session cookie is HttpOnly, SameSite=Lax, Path=/", async () => {
  const { api, setCookie } = await freshSession("ben");
  const attributes = setCookie
    .split(";")
    .slice(1)
    .map((a) => a.trim().toLowerCase());
  expect(attributes).toContain("httponly");
  expect(attributes).toContain("samesite=lax");
  expect(attributes).toContain("path=/");
  expect(attributes.some((a) => a.startsWith("max-age=") || a.startsWith("expires="))).toBe(true);
  await api.dispose();
});

test("cross-site POSTs with a valid cookie are refused with 403 and change nothing", async ({
  request,
}) => {
  const articleId = await importArticle(
    request,
    `orsolan-csrf-${RUN}.txt`,
    `Orsolan${RUN} harbour reopens\n\nThe Orsolan${RUN} harbour will reopen next week, the port authority said.\n`,
    `Orsolan${RUN}`,
  );
  const before = await query<ArticleDetail>(request, "article.byId", { id: articleId });
  const claim = before.claims[0];
  expect(claim, "the worker suggested a claim").toBeTruthy();
  if (!claim) return;
  const update = { id: claim.id, version: claim.version, patch: { status: "rejected" } };

  // tRPC: refused cross-site, by Sec-Fetch-Site and by Origin alone.
  for (const headers of [EVIL, { origin: "https://evil.example" }]) {
    const res = await request.post("/api/trpc/claim.update", { data: update, headers });
    expect(res.status()).toBe(403);
    expect(await errorCode(res)).toBe("FORBIDDEN");
  }
  const unchanged = await query<ArticleDetail>(request, "article.byId", { id: articleId });
  expect(unchanged.claims.find((c) => c.id === claim.id)?.status).toBe(claim.status);
  // The same call from our own page goes through: the refusal above was the origin's doing.
  const own = await request.post("/api/trpc/claim.update", {
    data: update,
    headers: { origin: BASE, "sec-fetch-site": "same-origin" },
  });
  expect(own.status()).toBe(200);

  // The upload route.
  const jobs = async () => (await query<{ total: number }>(request, "imports.list", {})).total;
  const jobsBefore = await jobs();
  const upload = await request.post("/api/imports/upload", {
    multipart: {
      files: { name: "csrf.txt", mimeType: "text/plain", buffer: Buffer.from("Cross-site text.") },
    },
    headers: EVIL,
  });
  expect(upload.status()).toBe(403);
  expect(await jobs()).toBe(jobsBefore);

  // better-auth's sign-out, on a session of its own (not the suite's saved one).
  const { api, value } = await freshSession("ben");
  const signOut = await api.post("/api/auth/sign-out", { data: {}, headers: EVIL });
  expect(signOut.status()).toBe(403);
  expect((await api.get(`/api/trpc/users.me?input=${encodeURIComponent("{}")}`)).status()).toBe(
    200,
  );
  const ownSignOut = await api.post("/api/auth/sign-out", {
    data: {},
    headers: { origin: BASE, "sec-fetch-site": "same-origin" },
  });
  expect(ownSignOut.status()).toBe(200);
  await api.dispose();
  // Signed out for real: the old cookie no longer works.
  const replay = await apiWithCookie(`claimdesk.session_token=${encodeURIComponent(value)}`);
  expect((await replay.get(`/api/trpc/users.me?input=${encodeURIComponent("{}")}`)).status()).toBe(
    401,
  );
  await replay.dispose();
});

// ---------------------------------------------------------------------------------------------
// Payloads in every writable text field

test("SQL and script payloads in every writable field are stored verbatim and shown as text", async ({
  page,
  request,
  browser,
}) => {
  // Dozens of writes and six pages on a shared, loaded machine.
  test.slow();
  const errors = watchErrors(page);
  // The claim's content comes from a crafted article (its text is covered by security.spec.ts).
  const article = [
    `Tarnwick${RUN} payload report`,
    "",
    ...PAYLOADS.map((p, i) => `Tarnwick${RUN} item ${i}: ${p} is the quoted text, the clerk said.`),
    "",
  ].join("\n");
  const articleId = await importArticle(
    request,
    `tarnwick-payloads-${RUN}.txt`,
    article,
    `Tarnwick${RUN}`,
  );
  const detail = await query<ArticleDetail>(request, "article.byId", { id: articleId });

  // Sources: name and aliases (a name or alias belongs to one source only, hence the numbers).
  const aliasesOf = (i: number) => PAYLOADS.map((p, j) => `Tarnwick${RUN} alias ${i}-${j} ${p}`);
  const sourceIds: number[] = [];
  for (const [i, payload] of PAYLOADS.entries()) {
    const source = await mutate<{ id: number; name: string; aliases: string[] }>(
      request,
      "source.create",
      { name: `Tarnwick${RUN} ${i} ${payload}`, aliases: aliasesOf(i) },
    );
    expect(source.name).toBe(`Tarnwick${RUN} ${i} ${payload}`);
    expect(source.aliases).toEqual(aliasesOf(i));
    sourceIds.push(source.id);
  }
  const listed = await query<{ items: { name: string; aliases: string[] }[] }>(
    request,
    "source.list",
    { query: `Tarnwick${RUN}` },
  );
  expect(listed.items.map((s) => s.name).sort()).toEqual(
    PAYLOADS.map((p, i) => `Tarnwick${RUN} ${i} ${p}`).sort(),
  );
  for (const s of listed.items) {
    const i = Number(/^Tarnwick\w* (\d)/.exec(s.name)?.[1]);
    expect(s.aliases).toEqual(aliasesOf(i));
  }

  // Propositions.
  const propositionIds: number[] = [];
  for (const payload of PAYLOADS) {
    const text = `Tarnwick${RUN} proposition ${payload}`;
    const created = await mutate<{ id: number; text: string }>(request, "proposition.create", {
      text,
    });
    expect(created.text).toBe(text);
    const read = await query<{ text: string }>(request, "proposition.byId", { id: created.id });
    expect(read.text).toBe(text);
    propositionIds.push(created.id);
  }

  // Claims: content span (a payload in the article), cue lemma; with a payload source and
  // proposition; and Ana's annotation: note and tags.
  const claimIds: number[] = [];
  for (const [i, payload] of PAYLOADS.entries()) {
    const content = spanOf(detail.article.text, asImported(payload));
    const created = await mutate<ClaimDetail>(request, "claim.create", {
      articleId,
      content,
      cueLemma: payload.slice(0, 100),
      sourceId: sourceIds[i],
      propositionId: propositionIds[i],
      quoteType: "direct",
    });
    expect(created.contentText).toBe(asImported(payload));
    await mutate(request, "annotation.upsert", {
      claimId: created.id,
      values: { note: `Note ${i}: ${PAYLOADS.join("\n")}`, tags: [payload] },
    });
    claimIds.push(created.id);
  }
  const readBack = await query<ArticleDetail>(request, "article.byId", { id: articleId });
  for (const [i, payload] of PAYLOADS.entries()) {
    const claim = readBack.claims.find((c) => c.id === claimIds[i]);
    expect(claim?.contentText).toBe(asImported(payload));
    expect(claim?.cueLemma).toBe(payload);
    expect(claim?.annotation?.note).toBe(`Note ${i}: ${PAYLOADS.join("\n")}`);
    expect(claim?.annotation?.tags).toEqual([payload]);
  }
  const tags = await query<{ items: { tag: string }[] }>(request, "tag.list", { limit: 100 });
  const tagNames = tags.items.map((t) => t.tag);
  for (const payload of PAYLOADS) expect(tagNames).toContain(payload);

  // Adjudication note (Judy), user name (admin).
  const judy = await apiAs("judy");
  const decided = await mutate<{ note: string | null }>(judy, "adjudication.decide", {
    claimId: claimIds[0],
    values: {
      sourceStance: null,
      reportingStance: null,
      likelihood: null,
      analyticConfidence: null,
      credibility: null,
      verdict: null,
    },
    note: PAYLOADS.join("\n"),
    version: null,
  });
  expect(decided.note).toBe(PAYLOADS.join("\n"));
  const decision = await query<{ note: string | null } | null>(judy, "adjudication.byClaim", {
    claimId: claimIds[0],
  });
  expect(decision?.note).toBe(PAYLOADS.join("\n"));
  await judy.dispose();

  const admin = await apiAs("admin");
  const userNames = PAYLOADS.map((p, i) => `Tarnwick${RUN} user ${i} ${p}`);
  for (const [i, name] of userNames.entries()) {
    const user = await mutate<{ name: string }>(admin, "users.create", {
      name,
      email: `tarnwick-${RUN}-${i}@e2e.test`,
      password: "tarnwick password 123",
      role: "viewer",
    });
    expect(user.name).toBe(name);
  }
  const users = await query<{ name: string }[]>(admin, "users.list");
  for (const name of userNames) expect(users.map((u) => u.name)).toContain(name);

  // An assignment set's label; dealt to an analyst of this test's own (the e2e users' review
  // queues follow their assignments, and other specs use them).
  const dealer = await mutate<{ id: number }>(admin, "users.create", {
    name: `Tarnwick${RUN} analyst`,
    email: `tarnwick-${RUN}-analyst@e2e.test`,
    password: "tarnwick password 123",
    role: "analyst",
  });
  const label = `T${RUN} ${PAYLOADS.join(" ")}`;
  await mutate(admin, "assignment.create", {
    label,
    articleIds: [articleId],
    analystIds: [dealer.id],
    overlapPercent: 0,
  });
  const sets = await query<{ id: number; label: string }[]>(admin, "assignment.list");
  const set = sets.find((s) => s.label === label);
  expect(set, "the set is listed with its label verbatim").toBeTruthy();
  await admin.dispose();

  // Shown as text: the article page with the claims, their sources, notes and tags.
  await page.goto(`/articles/${articleId}`);
  const rows = page.getByTestId("claim-row");
  for (const payload of PAYLOADS) {
    await expect(rows.filter({ hasText: asImported(payload) }).first()).toBeVisible();
  }
  for (const [i, payload] of PAYLOADS.entries()) {
    const row = page.locator(`[data-testid="claim-row"][data-claim-id="${claimIds[i]}"]`);
    await row.locator("[data-claim-toggle]").click();
    await expectShown(row, `Tarnwick${RUN} ${i} ${payload}`);
    await expect(row.getByTestId("tag-chip").filter({ hasText: payload })).toHaveCount(1);
    await expect(row.getByLabel("Note")).toHaveValue(`Note ${i}: ${PAYLOADS.join("\n")}`);
    await expectShown(row, `Tarnwick${RUN} proposition ${payload}`);
  }
  await expectInert(page);

  // The source registry, a proposition's page, the claims table's search, the article search.
  await page.goto("/sources");
  await page.getByLabel("Search sources").fill(`Tarnwick${RUN}`);
  for (const [i, payload] of PAYLOADS.entries())
    await expect(page.getByText(`Tarnwick${RUN} ${i} ${payload}`, { exact: true })).toBeVisible();
  await expectInert(page);

  await page.goto(`/propositions/${propositionIds[3]}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(
    `Tarnwick${RUN} proposition ${IMG}`,
  );
  await expectInert(page);

  for (const payload of PAYLOADS) {
    await page.goto("/");
    const search = page.getByRole("searchbox").first();
    await search.fill(payload);
    const listed = page.waitForResponse(
      (r) => r.url().includes("article.list") && decodeURIComponent(r.url()).includes('"query"'),
    );
    await search.press("Enter");
    expect((await listed).status(), payload).toBe(200);
    await expect(page).toHaveURL(/[?&]q=/);
    await expect(search).toHaveValue(payload);
    await expectInert(page);
  }
  for (const payload of PAYLOADS) {
    const res = await request.get(
      `/api/trpc/article.list?input=${encodeURIComponent(JSON.stringify({ query: payload }))}`,
    );
    expect(res.status(), payload).toBe(200);
    const claims = await request.get(
      `/api/trpc/corpus.claims?input=${encodeURIComponent(JSON.stringify({ filter: { query: payload } }))}`,
    );
    expect(claims.status(), payload).toBe(200);
  }
  await page.goto(`/claims?q=${encodeURIComponent(SCRIPT)}`);
  await expect(page.getByRole("searchbox").first()).toHaveValue(SCRIPT);
  await expectInert(page);
  expect(errors).toEqual([]);

  // The admin's user list.
  const adminPage = await pageAs(browser, "admin");
  await adminPage.goto("/admin/users");
  for (const name of userNames)
    await expect(adminPage.getByTestId("user-row").filter({ hasText: name })).toHaveCount(1);
  await expectInert(adminPage);
  await adminPage.goto("/admin/assignments");
  await expectShown(adminPage.locator("main"), label);
  await expectInert(adminPage);
  await closePage(adminPage);

  // Nothing was dropped: the claims are all still there (the DROP TABLE payload stayed data).
  const after = await query<ArticleDetail>(request, "article.byId", { id: articleId });
  expect(after.claims.filter((c) => claimIds.includes(c.id))).toHaveLength(PAYLOADS.length);
});
