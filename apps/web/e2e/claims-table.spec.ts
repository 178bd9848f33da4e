/**
 * The claims table across the corpus: filter (search + status), share the URL and get the same
 * view back, open a claim from its row, and act in bulk with a conflict reported per claim.
 */
import { expect, type Page, test } from "@playwright/test";
import { watchErrors } from "./support";

const rows = (page: Page) => page.locator("tbody tr[data-claim-id]");

async function visibleIds(page: Page): Promise<string[]> {
  await expect(rows(page).first()).toBeVisible();
  return rows(page).evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-claim-id") ?? ""));
}

async function trpcQuery<T>(page: Page, path: string, input: unknown): Promise<T> {
  const res = await page.request.get(
    `/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`,
  );
  expect(res.ok()).toBe(true);
  return ((await res.json()) as { result: { data: T } }).result.data;
}

test("filter by status and search, then reopen the shared URL to the same view", async ({
  page,
  context,
}) => {
  const errors = watchErrors(page);
  await page.goto("/claims");
  await expect(page.getByRole("heading", { name: "Claims" })).toBeVisible();
  await expect(rows(page).first()).toBeVisible();

  await page.getByRole("searchbox", { name: "Search claims" }).fill("Veloria");
  await expect(page).toHaveURL(/[?&]q=Veloria/);
  await page.locator("summary", { hasText: "Status" }).click();
  // Controlled by the URL: the box is ticked once the navigation lands.
  await page.getByRole("checkbox", { name: "Suggested" }).click();
  await expect(page).toHaveURL(/status=suggested/);
  await page.locator("summary", { hasText: "Status" }).click();
  await expect(page.getByTestId("claims-count")).toHaveText(/^\d+ claims?$/);
  const ids = await visibleIds(page);
  expect(ids.length).toBeGreaterThan(0);
  await expect(page.getByRole("link", { name: "Export this view" })).toHaveAttribute(
    "href",
    /^\/export\?q=Veloria&status=suggested$/,
  );

  const shared = page.url();
  const other = await context.newPage();
  await other.goto(shared);
  expect(await visibleIds(other)).toEqual(ids);
  await expect(other.getByRole("searchbox", { name: "Search claims" })).toHaveValue("Veloria");
  await expect(other.locator("summary", { hasText: "Status (1)" })).toBeVisible();
  await other.locator("summary", { hasText: "Status" }).click();
  await expect(other.getByRole("checkbox", { name: "Suggested" })).toBeChecked();
  await expect(other.getByRole("checkbox", { name: "Accepted" })).not.toBeChecked();
  await expect(other.getByTestId("claims-count")).toHaveText(
    (await page.getByTestId("claims-count").textContent()) ?? "",
  );

  // Sorting goes into the URL too.
  await other.getByRole("button", { name: /^ID/ }).click();
  await expect(other).toHaveURL(/sort=id&dir=asc/);
  expect(await visibleIds(other)).toEqual([...ids].sort((a, b) => Number(a) - Number(b)));

  // Enter on a row opens its article with the claim selected.
  const first = ids[0] ?? "";
  await page.locator(`tbody tr[data-claim-id="${first}"]`).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/articles/\\d+\\?claim=${first}$`));
  expect(errors).toEqual([]);
});

test("bulk accept with Shift-click, and a conflict reported for a claim changed meanwhile", async ({
  page,
}) => {
  const errors = watchErrors(page);
  await page.goto("/claims?status=suggested&sort=id&dir=asc");
  const ids = await visibleIds(page);
  expect(ids.length).toBeGreaterThanOrEqual(3);
  const [a, b, c] = ids.map(Number) as [number, number, number];

  // Select a, then Shift-click c: a, b and c are selected.
  await page.getByRole("checkbox", { name: `Select claim ${a}`, exact: true }).click();
  await page
    .getByRole("checkbox", { name: `Select claim ${c}`, exact: true })
    .click({ modifiers: ["Shift"] });
  await expect(page.getByText("3 selected")).toBeVisible();
  await expect(
    page.getByRole("checkbox", { name: `Select claim ${b}`, exact: true }),
  ).toBeChecked();

  // b changes elsewhere (another tab of hers) after the table loaded it.
  const page0 = await trpcQuery<{ items: { id: number; version: number }[] }>(
    page,
    "corpus.claims",
    { filter: { status: ["suggested"] }, sort: { field: "id", direction: "asc" }, limit: 5 },
  );
  const bVersion = page0.items.find((r) => r.id === b)?.version;
  const res = await page.request.post("/api/trpc/claim.update", {
    data: { id: b, version: bVersion, patch: { cueLemma: "say" } },
  });
  expect(res.ok()).toBe(true);

  await page.getByRole("button", { name: "Accept", exact: true }).click();
  const result = page.getByTestId("bulk-result");
  await expect(result).toContainText("Updated 2 claims; 1 not updated");
  await expect(result).toContainText(`Claim ${b}: Claim ${b} was changed elsewhere`);
  // The refused row stays, marked; the accepted ones leave the "suggested" view.
  await expect(page.locator(`tbody tr[data-claim-id="${b}"]`)).toContainText("conflict");
  await expect(page.locator(`tbody tr[data-claim-id="${a}"]`)).toHaveCount(0);
  await expect(page.getByText("1 selected")).toBeVisible();
  expect(errors).toEqual([]);
});
