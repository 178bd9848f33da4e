/**
 * The source registry (merge two sources and see the claims move), the propositions list's search
 * and the dashboard's charts.
 */
import { expect, test } from "@playwright/test";
import { mutate, openClaim, query } from "./support";

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
  await page.getByRole("button", { name: "Merge selected (2)" }).click();

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

test("edit a source: fields save, a taken alias is named under its field, inputs carry their limits", async ({
  page,
}) => {
  const stamp = Date.now();
  const name = `E2E Edit ${stamp}`;
  const owner = `E2E Owner ${stamp}`;
  const source = await mutate<{ id: number }>(page.request, "source.create", { name });
  await mutate(page.request, "source.create", { name: owner });
  await page.goto("/sources");
  const search = page.getByRole("searchbox", { name: "Search sources" });
  await expect(search).toHaveAttribute("maxlength", "200");
  await search.fill(`E2E Edit ${stamp}`);
  await expect(page.locator("tbody tr")).toHaveCount(1);
  await page.getByRole("button", { name: `Edit ${name}` }).click();
  const dialog = page.getByRole("dialog", { name: "Edit source" });
  await expect(dialog.getByLabel("Name")).toHaveAttribute("maxlength", "300");
  await dialog.getByLabel("Name").fill(`${name} Bank`);
  await dialog.getByLabel(/Aliases/).fill(`E2E Alias One ${stamp}\n${owner}`);
  await dialog.getByLabel("Reliability").selectOption("B");
  await dialog.getByLabel("Affiliation").selectOption("government");
  await dialog.getByLabel(/Country/).fill("gb");
  await dialog.getByRole("button", { name: "Save" }).click();
  // The alias another source owns: a sentence under the aliases field, no zod JSON.
  const alert = dialog.getByRole("alert");
  await expect(alert).toContainText(`"${owner}" is already a name or alias of source`);
  await expect(alert).not.toContainText("{");
  await dialog.getByLabel(/Aliases/).fill(`E2E Alias One ${stamp}`);
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved" })).toHaveText(
    `Saved "${name} Bank".`,
  );
  await search.fill(`E2E Alias One ${stamp}`);
  const row = page.locator(`tr[data-source-id="${source.id}"]`);
  await expect(row).toContainText(`${name} Bank`);
  await expect(row).toContainText(`also E2E Alias One ${stamp}`);
  await expect(row).toContainText("GB");
  await expect(row).toContainText("B — Usually reliable");
});

test("merge three sources at once, then undo one merge", async ({ page }) => {
  const stamp = Date.now();
  const names = ["Tri Keep", "Tri One", "Tri Two"].map((n) => `E2E ${n} ${stamp}`);
  const ids: number[] = [];
  for (const name of names)
    ids.push((await mutate<{ id: number }>(page.request, "source.create", { name })).id);
  await page.goto("/sources");
  await page.getByRole("searchbox", { name: "Search sources" }).fill(`${stamp}`);
  await expect(page.locator("tbody tr")).toHaveCount(3);
  for (const name of names)
    await page.getByRole("checkbox", { name: `Select ${name} to merge` }).check();
  await page.getByRole("button", { name: "Merge selected (3)" }).click();
  const dialog = page.getByRole("dialog", { name: "Merge 3 sources" });
  await dialog.getByRole("radio", { name: new RegExp(names[0] as string) }).check();
  await dialog.getByRole("button", { name: `Merge into "${names[0]}"` }).click();
  await expect(page.getByRole("status").filter({ hasText: "Merged" })).toContainText(
    `Merged "${names[1]}", "${names[2]}" into "${names[0]}"`,
  );
  await expect(page.locator("tbody tr")).toHaveCount(1);
  await page.getByRole("button", { name: `Undo merge of ${names[1]}` }).click();
  await expect(page.getByRole("status").filter({ hasText: "Undid" })).toContainText(
    `Undid the merge of "${names[1]}" into "${names[0]}"`,
  );
  await expect(page.locator("tbody tr")).toHaveCount(2);
  await expect(page.locator(`tr[data-source-id="${ids[1]}"]`)).toBeVisible();
  await expect(page.locator(`tr[data-source-id="${ids[0]}"]`)).toContainText(`also ${names[2]}`);
  await expect(page.locator(`tr[data-source-id="${ids[0]}"]`)).not.toContainText(
    names[1] as string,
  );
});

test("“Create new source” in the picker starts from the typed text, not the mention", async ({
  page,
}) => {
  const stamp = Date.now();
  const { article } = await query<{ article: { id: number; text: string } }>(
    page.request,
    "article.byId",
    { id: 1 },
  );
  const claim = await mutate<{ id: number; articleId: number }>(page.request, "claim.create", {
    articleId: article.id,
    sourceMention: { start: 0, end: 5, exact: article.text.slice(0, 5) },
    content: { start: 6, end: 40, exact: article.text.slice(6, 40) },
  });
  const row = await openClaim(page, { id: claim.id, articleId: article.id });
  const editor = row.getByTestId("claim-editor");
  await editor.getByRole("button", { name: "Link source" }).click();
  await editor.getByLabel("Filter sources").fill(`Typed Source ${stamp}`);
  await editor.getByRole("button", { name: "Create new source" }).click();
  await expect(editor.getByLabel("New source name")).toHaveValue(`Typed Source ${stamp}`);
  await expect(editor.getByLabel("New source name")).toHaveAttribute("maxlength", "300");
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
