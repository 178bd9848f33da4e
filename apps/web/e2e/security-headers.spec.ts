/**
 * Security headers (issue #14): every page and API response says nosniff, DENY framing and a
 * Referrer-Policy; pages carry a strict nonce CSP that the app itself lives within (no violation
 * while signing in and working); a page on another origin that frames /admin/users shows nothing.
 * And ?next= after signing in never leaves the site.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import {
  type APIResponse,
  type Browser,
  type BrowserContext,
  expect,
  type Page,
  test,
} from "@playwright/test";
import { freshClientIp, watchErrors } from "./support";
import { E2E_PASSWORD, E2E_USERS } from "./users.mjs";

const SIGNED_OUT = { cookies: [], origins: [] };

function baseURL(): string {
  const base = test.info().project.use.baseURL;
  if (!base) throw new Error("playwright.config.ts sets no baseURL");
  return base;
}

/** A signed-out context with its own client IP (sign-in is rate-limited per IP). */
async function signedOut(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    storageState: SIGNED_OUT,
    extraHTTPHeaders: { "x-forwarded-for": freshClientIp() },
  });
  return { context, page: await context.newPage() };
}

/** A context signed in as `key` through better-auth's endpoint, on its own client IP. */
async function signedIn(browser: Browser, key: keyof typeof E2E_USERS): Promise<Page> {
  const { context, page } = await signedOut(browser);
  const res = await context.request.post("/api/auth/sign-in/email", {
    data: { email: E2E_USERS[key].email, password: E2E_PASSWORD },
    headers: { origin: baseURL() },
  });
  expect(res.status(), await res.text()).toBe(200);
  return page;
}

async function signInWithForm(page: Page, key: keyof typeof E2E_USERS): Promise<void> {
  await page.getByLabel("Email").fill(E2E_USERS[key].email);
  await page.getByLabel("Password").fill(E2E_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
}

function expectCommonHeaders(res: APIResponse, what: string): void {
  const h = res.headers();
  expect(h["x-content-type-options"], what).toBe("nosniff");
  expect(h["x-frame-options"], what).toBe("DENY");
  expect(h["referrer-policy"], what).toBe("strict-origin-when-cross-origin");
  expect(h["content-security-policy"], what).toContain("frame-ancestors 'none'");
}

/** The directives of a CSP header by name. */
function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name as string, values]),
  );
}

test.describe("security headers", () => {
  test("pages carry a nonce CSP, nosniff, DENY framing and a Referrer-Policy", async ({
    browser,
  }) => {
    const page = await signedIn(browser, "ana");
    const nonces: string[] = [];
    for (const path of ["/", "/claims", "/admin/users"]) {
      const res = await page.request.get(path);
      expect(res.status(), path).toBe(200);
      expectCommonHeaders(res, path);
      const csp = directives(res.headers()["content-security-policy"] ?? "");
      const scripts = csp.get("script-src") ?? [];
      expect(scripts).toContain("'strict-dynamic'");
      expect(scripts).not.toContain("'unsafe-inline'");
      expect(scripts).not.toContain("'unsafe-eval'");
      const nonce = /^'nonce-([A-Za-z0-9+/=]+)'$/.exec(
        scripts.find((s) => s.startsWith("'nonce-")) ?? "",
      )?.[1];
      expect(nonce, `${path}: script-src ${scripts.join(" ")}`).toBeTruthy();
      nonces.push(nonce as string);
      expect(csp.get("object-src")).toEqual(["'none'"]);
      expect(csp.get("base-uri")).toEqual(["'self'"]);
      expect(csp.get("default-src")).toEqual(["'self'"]);
      // Every script Next rendered into the page carries this response's nonce.
      const html = await res.text();
      const tags = html.match(/<script\b[^>]*>/g) ?? [];
      expect(tags.length, path).toBeGreaterThan(0);
      for (const tag of tags) expect(tag, path).toContain(`nonce="${nonce}"`);
    }
    // A fresh nonce per response.
    expect(new Set(nonces).size).toBe(nonces.length);

    // Signed out: the sign-in page and the redirect to it.
    const { context, page: anon } = await signedOut(browser);
    const signInPage = await anon.request.get("/sign-in");
    expectCommonHeaders(signInPage, "/sign-in");
    const redirect = await anon.request.get("/claims", { maxRedirects: 0 });
    expect(redirect.status()).toBe(307);
    expectCommonHeaders(redirect, "redirect to /sign-in");
    await context.close();
    await page.context().close();
  });

  test("API responses carry them too: /api/trpc, /api/export, refusals included", async ({
    browser,
  }) => {
    const page = await signedIn(browser, "ana");
    const input = encodeURIComponent(JSON.stringify({ limit: 1 }));
    const responses: [string, APIResponse][] = [
      ["trpc", await page.request.get(`/api/trpc/article.list?input=${input}`)],
      ["export count", await page.request.get("/api/export?format=csv&count=1")],
      ["export csv", await page.request.get("/api/export?format=csv")],
    ];
    const { context, page: anon } = await signedOut(browser);
    responses.push(["trpc 401", await anon.request.get(`/api/trpc/article.list?input=${input}`)]);
    responses.push(["export 401", await anon.request.get("/api/export?format=jsonl")]);
    for (const [what, res] of responses) {
      expect(res.status(), what).toBe(what.endsWith("401") ? 401 : 200);
      expectCommonHeaders(res, what);
      // Nothing an API answer holds may load or run anything.
      expect(directives(res.headers()["content-security-policy"] ?? "").get("default-src")).toEqual(
        ["'none'"],
      );
    }
    await context.close();
    await page.context().close();
  });

  test("the app lives within its CSP: sign in, articles, an article, claims, with no violation", async ({
    browser,
  }) => {
    const { context, page } = await signedOut(browser);
    // Every CSP violation the page reports, from the moment each document starts.
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
      document.addEventListener("securitypolicyviolation", (e) =>
        seen.push(`${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    const violations: string[] = [];
    const collect = async () => {
      violations.push(
        ...(await page.evaluate(
          () => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? [],
        )),
      );
    };
    const consoleCsp: string[] = [];
    page.on("console", (msg) => {
      if (/Content Security Policy|Refused to/i.test(msg.text())) consoleCsp.push(msg.text());
    });
    const errors = watchErrors(page);

    await page.goto("/sign-in");
    // The button is enabled only once React has hydrated: scripts ran under the CSP.
    await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
    await collect();
    await signInWithForm(page, "ana");
    await expect(page).toHaveURL(`${baseURL()}/`);
    const rows = page.getByTestId("article-row");
    await expect(rows.first()).toBeVisible();
    // Search works (client-side fetches to /api/trpc under connect-src).
    const search = page.getByRole("searchbox").first();
    await search.fill("zzqxnosucharticle");
    await expect(rows).toHaveCount(0);
    await search.fill("");
    await expect(rows.first()).toBeVisible();
    await collect();
    await rows.first().getByRole("link").first().click();
    await expect(page).toHaveURL(/\/articles\/\d+/);
    await expect(page.getByTestId("article-text")).toBeVisible();
    await expect(page.getByTestId("claim-row").first()).toBeVisible();
    await collect();
    await page.goto("/claims");
    await expect(page.locator("tbody tr[data-claim-id]").first()).toBeVisible();
    await collect();
    await page.goto("/dashboard");
    await expect(page.getByRole("heading", { name: "Dashboard", level: 1 })).toBeVisible();
    await collect();

    expect(violations).toEqual([]);
    expect(consoleCsp).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  test("a page on another origin that frames /admin/users shows nothing of it", async ({
    browser,
  }) => {
    const target = `${baseURL()}/admin/users`;
    // A tiny page on another port of the same host (the attack): it frames the admin page
    // and, as a control, a page of its own.
    const server: Server = createServer((req, res) => {
      res.setHeader("content-type", "text/html; charset=utf-8");
      if (req.url === "/own")
        return res.end("<!doctype html><title>own</title><p id=own>framed fine</p>");
      res.end(
        `<!doctype html><title>framer</title>
         <iframe id=victim src="${target}" width=800 height=400></iframe>
         <iframe id=own src="/own"></iframe>`,
      );
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const framer = `http://localhost:${(server.address() as AddressInfo).port}/`;
    try {
      const page = await signedIn(browser, "admin");
      // The admin is signed in: the page itself renders for them.
      await page.goto("/admin/users");
      await expect(page.getByRole("heading", { name: "Users", level: 1 })).toBeVisible();

      const victimResponse = page.waitForResponse((r) => r.url() === target);
      await page.goto(framer);
      const response = await victimResponse;
      expect(response.headers()["x-frame-options"]).toBe("DENY");
      // The control frame renders: the harness can see into frames.
      await expect(page.frameLocator("#own").locator("#own")).toHaveText("framed fine");
      // The admin page does not: the browser replaces it with its error page.
      const victim = await (await page.locator("#victim").elementHandle())?.contentFrame();
      expect(victim, "the victim frame").toBeTruthy();
      // Chromium puts its error page in the refused frame.
      await expect.poll(() => victim?.url()).not.toBe(target);
      await expect(
        page.frameLocator("#victim").getByRole("heading", { name: "Users" }),
      ).toHaveCount(0);
      await expect(page.frameLocator("#victim").locator("body")).not.toContainText(
        "Create accounts",
      );
      await page.context().close();
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

test.describe("?next= after signing in", () => {
  test("signing in with next=/<tab>/evil.example lands on this site", async ({ browser }) => {
    const { context, page } = await signedOut(browser);
    // Were the browser sent off-site, it would land here (no real network).
    await context.route(
      (url) => url.hostname === "evil.example",
      (route) => route.fulfill({ status: 200, contentType: "text/html", body: "<h1>phished</h1>" }),
    );
    await page.goto("/sign-in?next=%2F%09%2Fevil.example%2Fphish");
    await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
    await signInWithForm(page, "ana");
    await page.waitForURL((url) => url.pathname !== "/sign-in");
    expect(new URL(page.url()).origin).toBe(new URL(baseURL()).origin);
    await expect(page.getByTestId("article-row").first()).toBeVisible();
    expect(new URL(page.url()).pathname).toBe("/");
    await context.close();
  });

  test("signed in, /sign-in?next= with a newline or another host redirects to / (no 500)", async ({
    browser,
  }) => {
    const page = await signedIn(browser, "ana");
    for (const next of [
      "%2F%0A%2Fevil.example",
      "%2F%09%2Fevil.example%2Fphish",
      "%2F%5C%2Fevil.example",
    ]) {
      const res = await page.request.get(`/sign-in?next=${next}`, { maxRedirects: 0 });
      expect(res.status(), next).toBeGreaterThanOrEqual(300);
      expect(res.status(), next).toBeLessThan(400);
      const location = new URL(res.headers().location ?? "", baseURL());
      expect(location.origin, next).toBe(new URL(baseURL()).origin);
      expect(location.pathname, next).toBe("/");
    }
    // A path on the site is kept.
    const kept = await page.request.get("/sign-in?next=%2Fclaims%3Fstatus%3Daccepted", {
      maxRedirects: 0,
    });
    expect(new URL(kept.headers().location ?? "", baseURL()).pathname).toBe("/claims");
    await page.context().close();
  });
});
