/**
 * Accounts in the browser: the sign-in redirect and form (wrong password, disabled account, rate
 * limit), sign-out and sign-out everywhere, the admin's user page (create, disable, enable), the
 * role-aware navigation, a viewer's read-only workbench, and first-run setup on an empty database.
 * Users this spec changes are its own (created here), so the shared e2e users stay signed in.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { join } from "node:path";
import {
  type APIRequestContext,
  type Browser,
  type BrowserContext,
  expect,
  type Page,
  test,
} from "@playwright/test";
import { freshClientIp, selectInArticle, watchErrors } from "./support";
import { E2E_PASSWORD, E2E_USERS, repoRoot, webDir } from "./users.mjs";

const SIGNED_OUT = { cookies: [], origins: [] };
const PASSWORD = "a fresh e2e password 9k2";
const run = Date.now().toString(36);

/** A signed-out browser context with its own client IP (better-auth rate-limits per IP and reads
 * it from x-forwarded-for), so this spec's sign-ins never use up the other specs' allowance. */
async function signedOutPage(
  browser: Browser,
): Promise<{ context: BrowserContext; page: Page; ip: string }> {
  const ip = freshClientIp();
  const context = await browser.newContext({
    storageState: SIGNED_OUT,
    extraHTTPHeaders: { "x-forwarded-for": ip },
  });
  return { context, page: await context.newPage(), ip };
}

/** A context signed in as one of the e2e users through better-auth's endpoint, on its own client
 * IP. (Not the storage states of global-setup.ts: a parallel run on another port rewrites those
 * files, and cookies are not port-specific.) */
async function signedInPage(browser: Browser, key: keyof typeof E2E_USERS): Promise<Page> {
  const { context, page } = await signedOutPage(browser);
  const origin = test.info().project.use.baseURL ?? "";
  const res = await context.request.post("/api/auth/sign-in/email", {
    data: { email: E2E_USERS[key].email, password: E2E_PASSWORD },
    headers: { origin },
  });
  expect(res.status(), await res.text()).toBe(200);
  return page;
}

async function signInWithForm(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** tRPC over HTTP as the context's user (queries are GET ?input=, mutations POST a JSON body). */
async function trpcQuery<T>(request: APIRequestContext, path: string, input: unknown): Promise<T> {
  const res = await request.get(
    `/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`,
  );
  expect(res.status(), `${path}: ${await res.text()}`).toBe(200);
  return ((await res.json()) as { result: { data: T } }).result.data;
}

async function trpcMutation<T>(request: APIRequestContext, path: string, input: unknown) {
  const res = await request.post(`/api/trpc/${path}`, { data: input });
  expect(res.status(), `${path}: ${await res.text()}`).toBe(200);
  return ((await res.json()) as { result: { data: T } }).result.data;
}

async function createUserAsAdmin(browser: Browser, name: string, role = "analyst") {
  const admin = await signedInPage(browser, "admin");
  const email = `${name.toLowerCase().replace(/\W+/g, ".")}.${run}@e2e.test`;
  const user = await trpcMutation<{ id: number }>(admin.request, "users.create", {
    name,
    email,
    role,
    password: PASSWORD,
  });
  await admin.context().close();
  return { ...user, email };
}

test.describe("signing in and out", () => {
  test("a signed-out visit goes to /sign-in; wrong password; sign in as Ben, back to the page; sign out", async ({
    browser,
  }) => {
    const { context, page } = await signedOutPage(browser);
    await page.goto("/claims?status=accepted");
    await expect(page).toHaveURL(/\/sign-in\?next=%2Fclaims%3Fstatus%3Daccepted$/);
    await expect(page.getByRole("heading", { name: "Sign in to Claimdesk" })).toBeVisible();
    // Signed out, the bar offers no sections.
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link")).toHaveCount(1);

    await signInWithForm(page, E2E_USERS.ben.email, "not Ben's password");
    await expect(page.getByTestId("sign-in-error")).toHaveText("Wrong email or password.");
    await expect(page).toHaveURL(/\/sign-in/);

    const errors = watchErrors(page);
    await signInWithForm(page, E2E_USERS.ben.email, E2E_PASSWORD);
    await expect(page).toHaveURL(/\/claims\?status=accepted$/);
    await expect(page.getByTestId("user-menu-name")).toHaveText("Ben Analyst");
    expect(errors).toEqual([]);

    // Signed in, /sign-in sends you on.
    await page.goto("/sign-in");
    await expect(page).toHaveURL(/\/$/);

    await page.getByRole("button", { name: /Ben Analyst/ }).click();
    await page.getByRole("button", { name: "Sign out", exact: true }).click();
    await expect(page).toHaveURL(/\/sign-in$/);
    await page.goto("/sources");
    await expect(page).toHaveURL(/\/sign-in\?next=%2Fsources$/);
    await context.close();
  });

  test("sign out everywhere ends the session in another browser too", async ({ browser }) => {
    const user = await createUserAsAdmin(browser, "Eve Everywhere");
    const a = await signedOutPage(browser);
    const b = await signedOutPage(browser);
    for (const { page } of [a, b]) {
      await page.goto("/");
      await signInWithForm(page, user.email, PASSWORD);
      await expect(page.getByTestId("user-menu-name")).toHaveText("Eve Everywhere");
    }

    await a.page.getByRole("button", { name: /Eve Everywhere/ }).click();
    await a.page.getByRole("button", { name: "Sign out everywhere" }).click();
    await expect(a.page).toHaveURL(/\/sign-in$/);

    // B still holds its (now dead) cookie: the page's first API call is refused and it lands on
    // the sign-in page, coming back to the page afterwards.
    await b.page.goto("/sources");
    await expect(b.page).toHaveURL(/\/sign-in\?next=%2Fsources$/);
    await expect(b.page.getByTestId("user-menu-name")).toHaveCount(0);
    const me = await b.page.request.get("/api/trpc/users.me");
    expect(me.status()).toBe(401);
    await a.context.close();
    await b.context.close();
  });

  test("repeated wrong passwords get 'too many attempts', for that client only", async ({
    browser,
  }) => {
    // Its own account: sign-in is limited per account too (100 per 5 min in e2e), so hammering a
    // shared user would eat into the other specs' allowance.
    const rita = await createUserAsAdmin(browser, "Rita Ratelimit");
    const { context, page, ip } = await signedOutPage(browser);
    await page.goto("/sign-in");
    const origin = new URL(page.url()).origin;
    // The e2e server allows 30 sign-in attempts per 60 s per client (serve.mjs).
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) {
      const res = await page.request.post("/api/auth/sign-in/email", {
        data: { email: rita.email, password: `wrong ${i}` },
        headers: { "x-forwarded-for": ip, origin },
      });
      statuses.push(res.status());
    }
    expect(new Set(statuses)).toEqual(new Set([401]));
    // Even the right password is refused now: the limit counts attempts, not failures.
    await signInWithForm(page, rita.email, PASSWORD);
    await expect(page.getByTestId("sign-in-error")).toHaveText(
      /^Too many attempts, try again in \d+ s\.$/,
    );

    // Another client is not affected.
    const other = await signedOutPage(browser);
    await other.page.goto("/sign-in");
    await signInWithForm(other.page, rita.email, "still wrong");
    await expect(other.page.getByTestId("sign-in-error")).toHaveText("Wrong email or password.");
    await context.close();
    await other.context.close();
  });
});

test.describe("user administration", () => {
  test("an admin creates a user, disables them (signed out, cannot sign in, work kept), enables them", async ({
    browser,
  }) => {
    const admin = await signedInPage(browser, "admin");
    const adminErrors = watchErrors(admin);
    await admin.goto("/admin/users");
    await expect(admin.getByRole("heading", { name: "Users" })).toBeVisible();
    const email = `dora.${run}@e2e.test`;
    const form = admin.getByRole("region", { name: "New account" });
    await form.getByLabel("Name").fill("Dora Disabled");
    await form.getByLabel("Email").fill(email);
    await form.getByLabel("Role").selectOption("analyst");
    await form.getByLabel("Initial password").fill("short");
    await form.getByRole("button", { name: "Create account" }).click();
    await expect(form.getByRole("alert")).toContainText("at least 10 characters");
    adminErrors.length = 0; // that refusal (HTTP 400) was the point
    await form.getByLabel("Initial password").fill(PASSWORD);
    await form.getByRole("button", { name: "Create account" }).click();
    await expect(admin.getByTestId("users-notice")).toHaveText("Created Dora Disabled (Analyst).");
    const row = admin.locator(`[data-testid="user-row"][data-user-email="${email}"]`);
    await expect(row).toContainText("Active");
    // The admin's own row offers no way to lock themself out.
    const own = admin.locator(
      `[data-testid="user-row"][data-user-email="${E2E_USERS.admin.email}"]`,
    );
    await expect(own.getByRole("combobox")).toBeDisabled();
    await expect(own.getByRole("button", { name: /^Disable/ })).toHaveCount(0);

    // Dora signs in and annotates a claim.
    const dora = await signedOutPage(browser);
    await dora.page.goto("/");
    await signInWithForm(dora.page, email, PASSWORD);
    await expect(dora.page.getByTestId("user-menu-name")).toHaveText("Dora Disabled");
    const list = await trpcQuery<{ items: { id: number }[] }>(
      dora.page.request,
      "article.list",
      {},
    );
    let articleId = 0;
    let claimId: number | undefined;
    for (const { id } of list.items) {
      const detail = await trpcQuery<{ claims: { id: number }[] }>(
        dora.page.request,
        "article.byId",
        { id },
      );
      claimId = detail.claims[0]?.id;
      articleId = id;
      if (claimId !== undefined) break;
    }
    expect(claimId).toBeDefined();
    await trpcMutation(dora.page.request, "annotation.upsert", {
      claimId,
      values: { likelihood: "likely", note: `Dora's note ${run}` },
    });

    // Off the app while she is disabled: a page left open notices the dead session on its next
    // API call and goes to sign-in by itself, a navigation that would race the goto below.
    await dora.page.goto("about:blank");
    await row.getByRole("button", { name: "Disable Dora Disabled" }).click();
    await expect(admin.getByTestId("users-notice")).toHaveText(
      "Disabled Dora Disabled: signed out everywhere; their work stays.",
    );
    await expect(row).toContainText("Disabled");

    // Her open session is gone, and she cannot sign in again.
    await dora.page.goto("/claims");
    await expect(dora.page).toHaveURL(/\/sign-in\?next=%2Fclaims$/);
    await signInWithForm(dora.page, email, PASSWORD);
    await expect(dora.page.getByTestId("sign-in-error")).toContainText("This account is disabled");

    // Enabled again, she signs in and finds her annotation where she left it.
    await row.getByRole("button", { name: "Enable Dora Disabled" }).click();
    await expect(row).toContainText("Active");
    await signInWithForm(dora.page, email, PASSWORD);
    await expect(dora.page).toHaveURL(/\/claims$/);
    const again = await trpcQuery<{
      claims: {
        id: number;
        annotation: { likelihood: string | null; note: string | null } | null;
      }[];
    }>(dora.page.request, "article.byId", { id: articleId });
    expect(again.claims.find((c) => c.id === claimId)?.annotation).toMatchObject({
      likelihood: "likely",
      note: `Dora's note ${run}`,
    });

    // "End sessions" signs her out everywhere without disabling her.
    await dora.page.goto("about:blank");
    await row.getByRole("button", { name: "End sessions of Dora Disabled" }).click();
    await expect(admin.getByTestId("users-notice")).toHaveText(
      "Signed Dora Disabled out of 1 session.",
    );
    await dora.page.goto("/sources");
    await expect(dora.page).toHaveURL(/\/sign-in\?next=%2Fsources$/);

    // Changing a role from the list.
    await row.getByRole("combobox", { name: "Role of Dora Disabled" }).selectOption("viewer");
    await expect(admin.getByTestId("users-notice")).toHaveText("Dora Disabled is now Viewer.");
    expect(adminErrors).toEqual([]);
    await dora.context.close();
    await admin.context().close();
  });

  test("non-admins are not offered the users page", async ({ browser }) => {
    const page = await signedInPage(browser, "ana");
    await page.goto("/admin/users");
    await expect(page.getByRole("heading", { name: "Admins only" })).toBeVisible();
    await expect(page.getByTestId("user-row")).toHaveCount(0);
    await page.context().close();
  });
});

test.describe("roles in the UI", () => {
  test("the navigation shows each role its sections", async ({ browser }) => {
    const expected: Record<"vic" | "ana" | "judy" | "admin", string[]> = {
      vic: ["Articles", "Claims", "Dashboard", "Export"],
      ana: ["Articles", "Review queue", "Claims", "Export"],
      judy: ["Review queue", "Adjudication"],
      admin: ["Review queue", "Adjudication", "Users", "Assignments"],
    };
    const hidden: Record<keyof typeof expected, string[]> = {
      vic: ["Review queue", "Adjudication", "Users", "Assignments"],
      ana: ["Adjudication", "Users", "Assignments"],
      judy: ["Users", "Assignments"],
      admin: [],
    };
    for (const key of Object.keys(expected) as (keyof typeof expected)[]) {
      const page = await signedInPage(browser, key);
      await page.goto("/dashboard");
      const nav = page.getByRole("navigation", { name: "Main" });
      await expect(page.getByTestId("user-menu-name")).toHaveText(E2E_USERS[key].name);
      for (const label of expected[key])
        await expect(nav.getByRole("link", { name: label, exact: true })).toBeVisible();
      for (const label of hidden[key])
        await expect(nav.getByRole("link", { name: label, exact: true })).toHaveCount(0);
      await page.context().close();
    }
  });

  test("a viewer reads claims but is offered no edit controls", async ({ browser }) => {
    const page = await signedInPage(browser, "vic");
    const errors = watchErrors(page);
    await page.goto("/");
    await page.getByLabel("Search articles").fill("Quds");
    // Wait for the debounced search to settle in the URL before leaving the page.
    await expect(page).toHaveURL(/\?q=Quds/);
    const result = page.getByTestId("article-row").filter({ hasText: "Quds" });
    await expect(result).toHaveCount(1);
    await result.getByRole("link").click();
    await expect(page).toHaveURL(/\/articles\/\d+$/);
    await expect(page.getByTestId("article-text")).toBeVisible();
    const firstClaim = page.getByTestId("claim-row").first();
    await firstClaim.locator("[data-claim-toggle]").click();
    await expect(firstClaim.getByTestId("claim-read-only")).toBeVisible();
    const panel = page.getByRole("complementary", { name: /Claims/ });
    // Exact names: claim rows other specs reviewed are buttons named "Accepted …"/"Rejected …".
    await expect(panel.getByRole("button", { name: /^(✓ )?Accept$/ })).toHaveCount(0);
    await expect(panel.getByRole("button", { name: /^(✓ )?Reject$/ })).toHaveCount(0);
    await expect(panel.getByRole("combobox")).toHaveCount(0);
    await expect(panel.getByRole("textbox")).toHaveCount(0);
    // Selecting text offers no "Create claim"; the accept shortcut only explains.
    await selectInArticle(page, "Tehran");
    await expect(page.getByRole("button", { name: "Create claim" })).toHaveCount(0);
    await page.keyboard.press("a");
    await expect(page.getByTestId("workbench-notice")).toHaveText(
      "Read-only: viewers cannot edit claims.",
    );
    // The claims table has no bulk actions.
    await page.goto("/claims");
    await expect(page.locator("tr[data-claim-id]").first()).toBeVisible();
    await expect(page.getByText("No claims selected")).toHaveCount(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

test.describe("first run", () => {
  const port = Number(process.env.E2E_PORT ?? 3100) + 90;
  const base = `http://localhost:${port}`;
  const dbPath = join(webDir, "test-results", `e2e-setup-${port}.db`);
  let server: ChildProcess | undefined;

  const removeDb = () => {
    for (const suffix of ["", "-wal", "-shm", ".auth-secret"])
      rmSync(`${dbPath}${suffix}`, { force: true });
  };

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    removeDb();
    const env = { ...process.env, CLAIMDESK_DB: dbPath, CLAIMDESK_URL: base };
    const migrate = spawnSync("pnpm", ["--dir", repoRoot, "db:migrate"], { env, stdio: "pipe" });
    expect(migrate.status, migrate.stderr.toString()).toBe(0);
    // `next start` on this run's build (NEXT_DIST_DIR), with the fresh, empty database.
    server = spawn(join(webDir, "node_modules", ".bin", "next"), ["start", "-p", String(port)], {
      cwd: webDir,
      env,
      stdio: "ignore",
    });
    for (let i = 0; i < 120; i++) {
      const up = await fetch(`${base}/sign-in`, { redirect: "manual" }).then(
        (r) => r.status > 0,
        () => false,
      );
      if (up) return;
      await new Promise((r) => setTimeout(r, 500));
    }
    throw new Error(`next start on ${port} did not come up`);
  });

  test.afterAll(() => {
    server?.kill("SIGTERM");
    removeDb();
  });

  test("an empty database leads the first visitor to create the admin, once", async ({
    browser,
  }) => {
    const { context, page } = await signedOutPage(browser);
    await page.goto(`${base}/claims`);
    await expect(page).toHaveURL(`${base}/setup`);
    await expect(page.getByRole("heading", { name: "Welcome to Claimdesk" })).toBeVisible();
    await page.getByLabel("Your name").fill("First Admin");
    await page.getByLabel(/^Email/).fill("first@e2e.test");
    await page.getByLabel("Password", { exact: true }).fill("too short");
    await page.getByLabel("Password again").fill("too short");
    await page.getByRole("button", { name: "Create the admin account" }).click();
    await expect(page.getByText("The password needs at least 10 characters.")).toBeVisible();
    await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
    await page.getByLabel("Password again").fill(PASSWORD);
    await page.getByRole("button", { name: "Create the admin account" }).click();
    await expect(page).toHaveURL(`${base}/`);
    await expect(page.getByTestId("user-menu-name")).toHaveText("First Admin");
    await expect(
      page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Users" }),
    ).toBeVisible();

    // Set up once: /setup now sends a visitor to sign in, and the API refuses a second admin.
    const stranger = await signedOutPage(browser);
    await stranger.page.goto(`${base}/setup`);
    await expect(stranger.page).toHaveURL(`${base}/sign-in`);
    const again = await stranger.page.request.post(`${base}/api/trpc/auth.setup`, {
      data: { name: "Mallory", email: "mallory@e2e.test", password: PASSWORD },
    });
    expect(again.status()).toBe(403);
    await stranger.context.close();
    await context.close();
  });
});
