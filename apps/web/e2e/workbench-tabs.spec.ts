/**
 * The same analyst in two tabs: a save from the tab that holds an old version of my annotation is
 * refused (the annotation's version is checked, as the claim's is), the tab says so and shows the
 * current values, and a note typed there is kept, not replaced, so it can be saved again.
 */
import { expect, type Page, test } from "@playwright/test";
import { query } from "./support";

interface ApiClaim {
  id: number;
  articleId: number;
  annotation: { likelihood: string | null; credibility: string | null; note: string | null } | null;
}

async function freshClaim(page: Page): Promise<ApiClaim> {
  const list = await query<{ items: { id: number }[] }>(page.request, "article.list", {
    limit: 50,
  });
  for (const { id } of [...list.items].reverse()) {
    const { claims } = await query<{ claims: ApiClaim[] }>(page.request, "article.byId", { id });
    const claim = claims.filter((c) => c.annotation === null).at(-3);
    if (claim) return claim;
  }
  throw new Error("no unannotated claim left");
}

test("two tabs of one analyst: the stale tab's save is refused, shown, and can be redone", async ({
  context,
}) => {
  test.setTimeout(90_000);
  const tabA = await context.newPage();
  const tabB = await context.newPage();
  const claim = await freshClaim(tabA);
  const url = `/articles/${claim.articleId}?claim=${claim.id}`;
  const row = (page: Page) =>
    page.locator(`[data-testid="claim-row"][data-claim-id="${claim.id}"]`);
  for (const tab of [tabA, tabB]) {
    await tab.goto(url);
    await expect(row(tab).getByTestId("claim-editor")).toBeVisible();
  }

  // Tab A: likelihood "likely" (5) and a note.
  await tabA.bringToFront();
  await row(tabA).locator("[data-claim-toggle]").focus();
  let saved = tabA.waitForResponse((r) => r.url().includes("annotation.upsert") && r.ok());
  await tabA.keyboard.press("5");
  await saved;
  await row(tabA).getByLabel("Note", { exact: true }).fill("Written in tab A");
  saved = tabA.waitForResponse((r) => r.url().includes("annotation.upsert") && r.ok());
  await tabA.keyboard.press("Escape");
  await saved;

  // Tab B still holds the annotation as it was (none): its save is refused, not applied.
  await tabB.bringToFront();
  await row(tabB).locator("[data-claim-toggle]").focus();
  const refused = tabB.waitForResponse((r) => r.url().includes("annotation.upsert"));
  await tabB.keyboard.press("Shift+Digit2");
  expect((await refused).status()).toBe(409);
  const conflict = row(tabB).getByTestId("editor-conflict");
  await expect(conflict).toContainText("Not saved");
  await expect(conflict).toContainText("another tab");
  // The current values are shown, tab A's work intact on the server.
  await expect(row(tabB).getByLabel("Likelihood")).toHaveValue("likely");
  await expect(row(tabB).getByLabel("Note", { exact: true })).toHaveValue("Written in tab A");
  const server = async () =>
    (
      await query<{ claims: ApiClaim[] }>(tabB.request, "article.byId", { id: claim.articleId })
    ).claims.find((c) => c.id === claim.id)?.annotation;
  expect(await server()).toMatchObject({
    likelihood: "likely",
    credibility: null,
    note: "Written in tab A",
  });

  // Tab A changes the note again; tab B types its own note on the old one: refused, but B's text
  // stays in the field (not replaced by A's), and saving again goes through on the new version.
  await tabA.bringToFront();
  await row(tabA).getByLabel("Note", { exact: true }).fill("Tab A, second thoughts");
  saved = tabA.waitForResponse((r) => r.url().includes("annotation.upsert") && r.ok());
  await tabA.keyboard.press("Escape");
  await saved;
  await tabB.bringToFront();
  const noteB = row(tabB).getByLabel("Note", { exact: true });
  await noteB.fill("Tab B's view");
  const refusedNote = tabB.waitForResponse((r) => r.url().includes("annotation.upsert"));
  await tabB.keyboard.press("Escape");
  expect((await refusedNote).status()).toBe(409);
  await expect(row(tabB).getByTestId("editor-conflict")).toContainText("Not saved");
  await expect(noteB).toHaveValue("Tab B's view");
  expect((await server())?.note).toBe("Tab A, second thoughts");
  const savedB = tabB.waitForResponse((r) => r.url().includes("annotation.upsert") && r.ok());
  await noteB.focus();
  await tabB.keyboard.press("Escape");
  await savedB;
  expect((await server())?.note).toBe("Tab B's view");
  // Credibility, refused earlier, is now set from tab B with a retry of the same key.
  await row(tabB).locator("[data-claim-toggle]").focus();
  saved = tabB.waitForResponse((r) => r.url().includes("annotation.upsert") && r.ok());
  await tabB.keyboard.press("Shift+Digit2");
  await saved;
  expect(await server()).toMatchObject({ likelihood: "likely", credibility: "2" });
});
