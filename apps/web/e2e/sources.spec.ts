/**
 * The source registry (merge two sources and see the claims move), the propositions list's search
 * and the dashboard's charts.
 */
import { expect, test } from "@playwright/test";
import { mutate, query } from "./support";

test("merge two sources: the merged one's claims show the kept source", async ({ page }) => {
  const stamp = Date.now();
  const keepName = `E2E Keep ${stamp}`;
  const goneName = `E2E Gone ${stamp}`;
  const keep = await mutate<{ id: number }>(page.request, "source.create", { name: keepName });
  const gone = await mutate<{ id: number }>(page.request, "source.create", {
    name: goneName,
    aliases: [`E2E Alias ${stamp}`],
  });
  const { article } = await query<{ article: { id: number; text: string } }>(
    page.request,
    "article.byId",
    {
      id: 1,
    },
  );
  const exact = article.text.slice(0, 40);
  const claim = await mutate<{ id: number }>(page.request, "claim.create", {
    articleId: article.id,
    content: { start: 0, end: 40, exact },
    sourceId: gone.id,
  });

  await page.goto("/sources");
  await page.getByRole("searchbox", { name: "Search sources" }).fill(`E2E ${stamp}`);
  await page.getByRole("searchbox", { name: "Search sources" }).fill(String(stamp));
  await expect(page.locator("tbody tr")).toHaveCount(2);
  await expect(page.locator(`tr[data-source-id="${gone.id}"]`)).toContainText("1");
  await page.getByRole("checkbox", { name: `Select ${keepName} to merge` }).check();
  await page.getByRole("checkbox", { name: `Select ${goneName} to merge` }).check();
  await page.getByRole("button", { name: "Merge selected (2/2)" }).click();

  const dialog = page.getByRole("dialog", { name: "Merge two sources" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("radio", { name: new RegExp(keepName) }).check();
  await expect(dialog).toContainText(`“${goneName}” will be merged into “${keepName}”`);
  await dialog.getByRole("button", { name: `Merge into "${keepName}"` }).click();
  await expect(page.getByRole("status").filter({ hasText: "Merged" })).toHaveText(
    `Merged "${goneName}" into "${keepName}": 1 claim moved.`,
  );
  await expect(page.locator("tbody tr")).toHaveCount(1);
  const kept = page.locator(`tr[data-source-id="${keep.id}"]`);
  await expect(kept).toContainText(`also ${goneName}, E2E Alias ${stamp}`);

  // The claims table shows the claim under the kept source.
  await kept.getByRole("link", { name: "1" }).click();
  await expect(page).toHaveURL(new RegExp(`/claims\\?sourceId=${keep.id}$`));
  const row = page.locator(`tbody tr[data-claim-id="${claim.id}"]`);
  await expect(row).toContainText(keepName);
});

test("the propositions list finds a proposition by a word of it", async ({ page }) => {
  const stamp = Date.now().toString(36);
  const made = await mutate<{ id: number }>(page.request, "proposition.create", {
    text: `Quarry ${stamp} harbour levy was raised twice`,
  });
  await mutate(page.request, "proposition.create", { text: `Unrelated ${stamp} ferry timetable` });
  await page.goto("/propositions");
  const search = page.getByRole("searchbox", { name: "Search propositions" });
  await search.fill(`Quarry ${stamp}`);
  const items = page.getByRole("listitem");
  await expect(items).toHaveCount(1);
  await expect(items.getByRole("link")).toHaveAttribute("href", `/propositions/${made.id}`);
  await search.fill(`nothing-${stamp}`);
  await expect(page.getByText("None matches this search.")).toBeVisible();
});

test("the dashboard renders its charts", async ({ page }) => {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto("/dashboard");
  for (const id of [
    "chart-progress",
    "chart-likelihood",
    "chart-source-kind",
    "chart-kind-stance",
  ]) {
    const chart = page.getByTestId(id);
    await expect(chart).toBeVisible();
    await expect(chart.locator("svg.recharts-surface").first()).toBeVisible();
  }
  // Claims exist in every run, so these two charts always draw bars.
  for (const id of ["chart-progress", "chart-source-kind"])
    await expect(page.getByTestId(id).locator(".recharts-bar-rectangle").first()).toBeAttached();
  await expect(page.getByTestId("chart-likelihood")).toContainText("Almost no chance");
  expect(errors).toEqual([]);
});
