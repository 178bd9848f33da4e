/**
 * Articles in right-to-left scripts: each paragraph runs in the direction of its script (Arabic and
 * Persian right to left, English left to right), the header names the detected language, and a
 * non-English article says the claim suggester only knows English. The articles are imported by
 * the real worker into this run's database.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { expect, test } from "@playwright/test";
import { watchErrors } from "./support";
import { e2eDbPath, repoRoot } from "./users.mjs";

const ARABIC_TITLE = "محادثات الحدود تستأنف الأسبوع المقبل";
const ARABIC = [
  ARABIC_TITLE,
  "",
  "قال وزير الخارجية يوم الثلاثاء إن المحادثات مع الجيران ستستأنف الأسبوع المقبل في العاصمة. وأضاف المتحدث باسم الحكومة أن الوفد سيضم خبراء في شؤون المياه والطاقة.",
  "",
  "«لن نتنازل عن حقوقنا»، قال مسؤول رفيع للصحفيين بعد الاجتماع، مضيفاً أن الاتفاق المبدئي يشمل تبادل الأسرى.",
  "",
  "Reuters reported the talks in English as well, quoting the same officials.",
  "",
].join("\n");
const PERSIAN_TITLE = "گفتگوهای مرزی هفته آینده از سر گرفته می‌شود";
const PERSIAN = [
  PERSIAN_TITLE,
  "",
  "وزیر امور خارجه روز سه‌شنبه گفت که گفتگوها با همسایگان هفته آینده در پایتخت از سر گرفته می‌شود. سخنگوی دولت افزود که هیئت اعزامی شامل کارشناسان آب و انرژی خواهد بود.",
  "",
  "«ما از حقوق خود کوتاه نمی‌آییم»، یک مقام ارشد پس از نشست به خبرنگاران گفت و افزود که توافق اولیه شامل تبادل زندانیان است.",
  "",
].join("\n");

interface SqliteDb {
  prepare(sql: string): { get(...params: unknown[]): unknown };
  close(): void;
}
const Database = createRequire(join(repoRoot, "packages/db/package.json"))(
  "better-sqlite3",
) as new (
  path: string,
  options: { readonly: boolean },
) => SqliteDb;

const ids = new Map<string, number>();

test.beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), "claimdesk-rtl-"));
  try {
    writeFileSync(join(dir, "arabic.txt"), ARABIC);
    writeFileSync(join(dir, "persian.txt"), PERSIAN);
    await promisify(execFile)(
      "pnpm",
      ["--dir", repoRoot, "worker", "import", "--no-progress", dir],
      { env: { ...process.env, CLAIMDESK_DB: e2eDbPath() }, timeout: 90_000 },
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const db = new Database(e2eDbPath(), { readonly: true });
  try {
    for (const title of [ARABIC_TITLE, PERSIAN_TITLE]) {
      const row = db.prepare("select id from articles where title = ?").get(title) as
        | { id: number }
        | undefined;
      if (row === undefined) throw new Error(`not imported: ${title}`);
      ids.set(title, row.id);
    }
    const english = db.prepare("select id from articles where language = 'en' limit 1").get() as
      | { id: number }
      | undefined;
    if (english === undefined) throw new Error("no English article was detected");
    ids.set("en", english.id);
  } finally {
    db.close();
  }
});

/** The computed direction of each paragraph of the article text, in order. */
async function paragraphDirections(page: import("@playwright/test").Page) {
  const paragraphs = page.getByTestId("article-text").locator("p");
  await expect(paragraphs.first()).toBeVisible();
  return paragraphs.evaluateAll((ps) =>
    ps.map((p) => ({
      text: (p.textContent ?? "").slice(0, 20),
      dir: getComputedStyle(p).direction,
    })),
  );
}

test("Arabic paragraphs run right to left, an English one left to right", async ({ page }) => {
  test.setTimeout(120_000);
  const errors = watchErrors(page);
  await page.goto(`/articles/${ids.get(ARABIC_TITLE)}`);
  const dirs = await paragraphDirections(page);
  expect(dirs.map((d) => d.dir)).toEqual(["rtl", "rtl", "ltr"]);
  await expect(page.getByTestId("article-language")).toHaveText("Arabic");
  await expect(page.getByRole("note")).toContainText(
    "The claim suggester only knows English: no suggestions were made for this Arabic article.",
  );
  expect(errors).toEqual([]);
});

test("Persian paragraphs run right to left and the header says Persian", async ({ page }) => {
  await page.goto(`/articles/${ids.get(PERSIAN_TITLE)}`);
  const dirs = await paragraphDirections(page);
  expect(dirs.map((d) => d.dir)).toEqual(["rtl", "rtl"]);
  await expect(page.getByTestId("article-language")).toHaveText("Persian");
  await expect(page.getByRole("note")).toContainText("only knows English");
});

test("an English article stays left to right with no language notice", async ({ page }) => {
  await page.goto(`/articles/${ids.get("en")}`);
  const dirs = await paragraphDirections(page);
  expect(dirs.length).toBeGreaterThan(0);
  expect(new Set(dirs.map((d) => d.dir))).toEqual(new Set(["ltr"]));
  await expect(page.getByTestId("article-language")).toHaveText("English");
  await expect(page.getByText("only knows English")).toHaveCount(0);
});
