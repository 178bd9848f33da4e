/**
 * Helpers shared by the browser tests: error watching, text selection in the article, signed-in
 * pages, tRPC calls through a page's request context, and opening a claim in the panel.
 */
import { spawnSync } from "node:child_process";
import { randomInt } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import { type APIRequestContext, type Browser, expect, type Page } from "@playwright/test";
import { type E2E_USERS, e2eDbPath, repoRoot, storageStatePath } from "./users.mjs";

/**
 * Fails the test on any console error, uncaught page error or failed API call. Chromium logs a 4xx
 * as "Failed to load resource" without its URL, and the nav prefetches sections not built yet
 * (404), so failed API calls are recorded from the responses instead, with their URL.
 */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (msg) => {
    if (msg.type() === "error" && !msg.text().startsWith("Failed to load resource"))
      errors.push(msg.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("response", async (response) => {
    if (!response.url().includes("/api/trpc")) return;
    if (response.status() >= 400) errors.push(`${response.status()} ${response.url()}`);
    // A batch whose calls partly fail answers 207 Multi-Status: the failures are in the body.
    if (response.status() !== 207) return;
    const items = (await response.json().catch(() => [])) as { error?: { json?: unknown } }[];
    for (const item of Array.isArray(items) ? items : [])
      if (item.error)
        errors.push(`207 ${response.url()}: ${JSON.stringify(item.error).slice(0, 300)}`);
  });
  return errors;
}

/** Selects `sentence` inside the article text with a DOM Range, as a mouse drag would, and releases. */
export async function selectInArticle(page: Page, sentence: string): Promise<void> {
  const found = await page.evaluate((needle) => {
    const root = document.querySelector('[data-testid="article-text"]');
    if (!root) return "no article text";
    for (const paragraph of root.querySelectorAll("p")) {
      const at = (paragraph.textContent ?? "").indexOf(needle);
      if (at < 0) continue;
      // Map paragraph-local offsets to (text node, offset) pairs through the segment spans.
      const locate = (offset: number, preferEnd: boolean) => {
        let walked = 0;
        for (const span of paragraph.querySelectorAll("[data-start]")) {
          const node = span.firstChild;
          const length = node?.textContent?.length ?? 0;
          if (node && (offset < walked + length || (preferEnd && offset === walked + length)))
            return { node, offset: offset - walked };
          walked += length;
        }
        return null;
      };
      const start = locate(at, false);
      const end = locate(at + needle.length, true);
      if (!start || !end) return "offsets not found";
      const range = document.createRange();
      range.setStart(start.node, start.offset);
      range.setEnd(end.node, end.offset);
      const selection = document.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
      end.node.parentElement?.dispatchEvent(
        new MouseEvent("mouseup", { bubbles: true, cancelable: true, view: window }),
      );
      return "ok";
    }
    return "sentence not in the article";
  }, sentence);
  expect(found).toBe("ok");
}

/** A page in a fresh browser context signed in as `key` (see users.mjs); close its context after. */
export async function pageAs(browser: Browser, key: keyof typeof E2E_USERS): Promise<Page> {
  const context = await browser.newContext({ storageState: storageStatePath(key) });
  return context.newPage();
}

/** A tRPC query as the request context's user; fails the test unless it answers 200. */
export async function query<T>(
  api: APIRequestContext,
  path: string,
  input: unknown = {},
): Promise<T> {
  const res = await api.get(`/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`);
  expect(res.status(), `${path}: ${await res.text()}`).toBe(200);
  return ((await res.json()) as { result: { data: T } }).result.data;
}

/** A tRPC mutation as the request context's user; fails the test unless it answers 200. */
export async function mutate<T>(api: APIRequestContext, path: string, input: unknown): Promise<T> {
  const res = await api.post(`/api/trpc/${path}`, { data: input });
  expect(res.status(), `${path}: ${await res.text()}`).toBe(200);
  return ((await res.json()) as { result: { data: T } }).result.data;
}

export interface PanelClaim {
  id: number;
  articleId: number;
  contentText: string;
  annotation: unknown;
}

/**
 * A claim neither analyst has annotated yet (other specs may have annotated some): the first one
 * in the article list's order, or with `fromEnd` the last one of each article, so two specs
 * running on one database pick different claims.
 */
export async function freshClaim(
  ana: Page,
  ben: Page,
  { fromEnd = false }: { fromEnd?: boolean } = {},
): Promise<PanelClaim> {
  const list = await query<{ items: { id: number }[] }>(ana.request, "article.list", { limit: 50 });
  for (const article of list.items) {
    const forAna = await query<{ claims: PanelClaim[] }>(ana.request, "article.byId", {
      id: article.id,
    });
    const forBen = await query<{ claims: PanelClaim[] }>(ben.request, "article.byId", {
      id: article.id,
    });
    const benAnnotated = new Set(forBen.claims.filter((c) => c.annotation).map((c) => c.id));
    const claims = fromEnd ? [...forAna.claims].reverse() : forAna.claims;
    const claim = claims.find((c) => c.annotation === null && !benAnnotated.has(c.id));
    if (claim) return claim;
  }
  throw new Error("no claim left that neither analyst annotated");
}

/**
 * Opens the claim's article and its editor; returns the claim's row in the panel. With
 * `editor: false` the row is only expanded (a submitted layer, or a viewer, has no editor).
 */
export async function openClaim(
  page: Page,
  claim: { id: number; articleId: number },
  { editor = true }: { editor?: boolean } = {},
) {
  await page.goto(`/articles/${claim.articleId}?claim=${claim.id}`);
  const row = page.locator(`[data-testid="claim-row"][data-claim-id="${claim.id}"]`);
  await expect(row).toHaveCount(1);
  const toggle = row.locator("[data-claim-toggle]");
  if ((await toggle.getAttribute("aria-expanded")) !== "true") await toggle.click();
  await expect(toggle).toHaveAttribute("aria-expanded", "true");
  if (editor) await expect(row.getByTestId("claim-editor")).toBeVisible();
  return row;
}

// Per module load, not per run: Playwright restarts its worker after a failed test, and a counter
// starting again at 1 would hand a later test an address an earlier one used up on purpose.
const clientBase = `10.${randomInt(256)}.${randomInt(256)}`;
let clients = 0;
/** A client address of its own for x-forwarded-for: better-auth limits sign-in per address, so
 * each test's sign-ins never use up another's allowance (or the suite's 127.0.0.1). */
export function freshClientIp(): string {
  clients += 1;
  return `${clientBase}.${clients}`;
}

/**
 * Imports a stamped copy of `file` (a path under the repository, e.g. a demo article) with the
 * worker CLI into this run's database (titled "E2E copy <stamp>"), and returns the new article's id with its claims. A spec
 * that submits its layer of an article (final, per article) works on a copy of its own, so no
 * other spec's edits meet a submitted article.
 */
export async function importArticleCopy(
  api: APIRequestContext,
  file: string,
): Promise<{ articleId: number; claims: PanelClaim[] }> {
  const stamp = `copy${Date.now().toString(36)}${randomInt(1e6)}`;
  const dir = mkdtempSync(join(tmpdir(), "claimdesk-e2e-"));
  const copy = join(dir, basename(file));
  // Titled "E2E copy …" so that specs finding the original by its title or text tell them apart.
  writeFileSync(
    copy,
    `E2E copy ${stamp}\n\n${readFileSync(resolve(repoRoot, file), "utf8").trimEnd()}\n`,
  );
  const run = spawnSync("pnpm", ["--dir", repoRoot, "worker", "import", copy], {
    env: { ...process.env, CLAIMDESK_DB: e2eDbPath() },
    encoding: "utf8",
  });
  expect(run.status, run.stderr).toBe(0);
  expect(run.stdout).toContain("Imported 1 article");
  const list = await query<{ items: { id: number }[] }>(api, "article.list", {
    query: stamp,
    limit: 5,
  });
  expect(list.items).toHaveLength(1);
  const articleId = (list.items[0] as { id: number }).id;
  const { claims } = await query<{ claims: PanelClaim[] }>(api, "article.byId", { id: articleId });
  return { articleId, claims };
}
