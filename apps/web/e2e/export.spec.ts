/**
 * The export page: pick a format and a filter (kept in the URL, like the claims table), see the
 * count, download a streamed file; the canonical JSON Schema is served; bad formats are refused.
 */
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";

test("downloads the selected claims in the chosen format", async ({ page }) => {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto("/export");
  await expect(page.getByRole("heading", { name: "Export" })).toBeVisible();
  await expect(page.getByText(/^\d+ claims? selected$/)).toBeVisible();
  // By default the reviewed claims only; "Include unreviewed suggestions" adds the rest.
  const reviewed = Number((await page.getByText(/claims? selected$/).textContent())?.split(" ")[0]);
  await page.getByLabel("Include unreviewed suggestions").click();
  await expect(page).toHaveURL(/all=1/);
  await expect(page.getByLabel("Include unreviewed suggestions")).toBeChecked();
  await expect(page.getByText(/^\d+ claims? selected$/)).not.toHaveText(
    new RegExp(`^${reviewed} claims? selected$`),
  );
  const all = Number((await page.getByText(/claims? selected$/).textContent())?.split(" ")[0]);
  expect(all).toBeGreaterThan(reviewed);

  // The format lives in the URL: the radio is checked once the URL has changed.
  await page.getByRole("radio", { name: /FEVER/ }).click();
  await expect(page).toHaveURL(/format=fever/);
  await expect(page.getByRole("radio", { name: /FEVER/ })).toBeChecked();
  await expect(page.getByRole("link", { name: /Download FEVER/ })).toHaveAttribute(
    "href",
    /format=fever/,
  );
  await page.getByRole("radio", { name: /Canonical JSONL/ }).click();
  await expect(page).not.toHaveURL(/format=/);
  await expect(page.getByRole("radio", { name: /Canonical JSONL/ })).toBeChecked();

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: /Download Canonical JSONL/ }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^claimdesk-\d{4}-\d{2}-\d{2}\.jsonl$/);
  const path = await download.path();
  const lines = readFileSync(path, "utf8").trimEnd().split("\n");
  // One line per selected claim; an unfiltered export then adds `kind` lines for the articles,
  // sources and propositions no exported claim carries (so an import restores them).
  const parsed = lines.map((l) => JSON.parse(l) as { claim?: unknown; kind?: string });
  expect(parsed.filter((l) => l.claim !== undefined)).toHaveLength(all);
  expect(parsed.filter((l) => l.claim === undefined).every((l) => l.kind !== undefined)).toBe(true);
  const first = JSON.parse(lines[0] ?? "{}");
  expect(first.schemaVersion).toBe("claimdesk-claim.v1");
  expect(typeof first.article.text).toBe("string");
  expect(errors).toEqual([]);
});

test("accepts the claims table's filter params", async ({ page, request }) => {
  await page.goto("/export?status=rejected&format=csv");
  await expect(page.getByRole("radio", { name: /CSV/ })).toBeChecked();
  await expect(page.getByText("0 claims selected")).toBeVisible();
  const csv = await request.get("/api/export?format=csv&status=rejected");
  expect(csv.headers()["content-disposition"]).toMatch(
    /^attachment; filename="claimdesk-.*\.csv"$/,
  );
  expect((await csv.text()).split("\n")[0]).toMatch(/^claim_id,status,origin/);
});

test("says when a FEVER or ClaimReview file would hold no records", async ({ page, request }) => {
  // Rejected claims: none in the demo data, so certainly none with a verdict.
  await page.goto("/export?status=rejected&format=fever");
  await expect(
    page.getByText("0 records: no claim has a verdict (0 claims selected); the file will be empty"),
  ).toBeVisible();
  await page.getByRole("radio", { name: /ClaimReview/ }).click();
  await expect(page.getByText(/^0 records: no claim has a verdict or a likelihood/)).toBeVisible();
  // Suggestions straight from import carry no verdict: every one of them is left out of FEVER.
  const count = await request.get("/api/export?count=1&format=fever&status=suggested");
  const body = (await count.json()) as { claims: number; records: number };
  expect(body.claims).toBeGreaterThan(0);
  expect(body.records).toBeLessThanOrEqual(body.claims);
  expect(body.records).toBeGreaterThanOrEqual(0);
});

test("serves the JSON Schema and refuses unknown formats", async ({ request }) => {
  const schema = await request.get("/api/schema/claimdesk-claim.v1.schema.json");
  expect(schema.status()).toBe(200);
  // A canonical line is a claim line or (in unfiltered exports) an article/source/proposition line.
  const body = (await schema.json()) as { anyOf: { properties?: Record<string, unknown> }[] };
  const claimLine = body.anyOf.find((branch) => branch.properties?.claim !== undefined);
  expect(Object.keys(claimLine?.properties ?? {})).toContain("annotations");
  const missing = await request.get("/api/schema/nope.json");
  expect(missing.status()).toBe(404);
  const bad = await request.get("/api/export?format=xml");
  expect(bad.status()).toBe(400);
  expect(((await bad.json()) as { error: string }).error).toContain('Unknown export format "xml"');
});
