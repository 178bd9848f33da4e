/**
 * Lost work: a note typed and then left by a reload or by Back is still there on return (kept as
 * a draft on this device until it is saved), and leaving with an unsaved note asks first.
 */
import { expect, type Page, test } from "@playwright/test";
import { query, watchErrors } from "./support";

interface ApiClaim {
  id: number;
  articleId: number;
  annotation: { note: string | null } | null;
}

/** Two claims of one article that I have not annotated (from the middle of the list). */
async function twoClaims(page: Page): Promise<[ApiClaim, ApiClaim]> {
  const list = await query<{ items: { id: number }[] }>(page.request, "article.list", {
    limit: 50,
  });
  for (const { id } of list.items.slice(1)) {
    const { claims } = await query<{ claims: ApiClaim[] }>(page.request, "article.byId", { id });
    const fresh = claims.filter((c) => c.annotation === null);
    const [a, b] = [fresh.at(-2), fresh.at(-1)];
    if (a && b) return [a, b];
  }
  throw new Error("no article with two unannotated claims");
}

const noteOf = (page: Page, claimId: number) =>
  page
    .locator(`[data-testid="claim-row"][data-claim-id="${claimId}"]`)
    .getByLabel("Note", { exact: true });

test("a typed note survives a reload and Back, and is saved when the field is left", async ({
  page,
}) => {
  test.setTimeout(90_000);
  const errors = watchErrors(page);
  const [first, second] = await twoClaims(page);
  const NOTE = "Corroborated by two wire reports; check the ministry statement";

  await page.goto(`/articles/${first.articleId}?claim=${first.id}`);
  const note = noteOf(page, first.id);
  await note.click();
  await page.keyboard.type(NOTE);
  await expect(page.getByTestId("note-status")).toContainText("Draft kept on this device");

  // Reload with the note unsaved: the browser asks first (beforeunload); we leave anyway.
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.type());
    void dialog.accept();
  });
  await page.reload();
  expect(dialogs).toEqual(["beforeunload"]);
  await expect(noteOf(page, first.id)).toHaveValue(NOTE);
  await expect(page.getByTestId("note-status")).toContainText("Unsaved draft restored");

  // Leaving the field saves it; the draft is gone and a reload shows the saved note, no question.
  const saved = page.waitForResponse((r) => r.url().includes("annotation.upsert") && r.ok());
  await noteOf(page, first.id).focus();
  await page.keyboard.press("Escape");
  await saved;
  await expect(page.getByTestId("note-status")).toHaveText(/^Saved when you leave/);
  await page.reload();
  await expect(noteOf(page, first.id)).toHaveValue(NOTE);
  expect(dialogs).toEqual(["beforeunload"]);
  const server = await query<{ claims: ApiClaim[] }>(page.request, "article.byId", {
    id: first.articleId,
  });
  expect(server.claims.find((c) => c.id === first.id)?.annotation?.note).toBe(NOTE);

  // Back: a note typed on another claim, the browser's Back before leaving the field, then Forward.
  const OTHER = "Source unnamed: treat with care";
  await page.goto(`/articles/${second.articleId}?claim=${second.id}`);
  await noteOf(page, second.id).click();
  await page.keyboard.type(OTHER);
  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`claim=${first.id}$`));
  await page.goForward();
  await expect(noteOf(page, second.id)).toHaveValue(OTHER);
  expect(errors).toEqual([]);
});
