/** Helpers shared by the browser tests: error watching and text selection in the article. */
import { type Browser, expect, type Page } from "@playwright/test";
import { type E2E_USERS, storageStatePath } from "./users.mjs";

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
  page.on("response", (response) => {
    if (response.url().includes("/api/trpc") && response.status() >= 400)
      errors.push(`${response.status()} ${response.url()}`);
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
