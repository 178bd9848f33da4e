/**
 * The Agreement page shows figures that match an independent calculation. Two analysts of this
 * spec's own (unique names, so other specs' annotations cannot change the figures) each accept the
 * same suggestions in their own layer, link them to a proposition of this spec's own, annotate
 * them, make claims by hand and submit the article, all written straight into the e2e database
 * (the team-layers model: claim_layers rows, article_submissions); the page scoped to that
 * proposition must show the alpha, kappa and span F1 that the published formulas, written out
 * below (not imported from @claimdesk/agreement), give.
 */
import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import {
  cohen,
  krippendorff,
  LIKELIHOOD_ORDER,
  nominal,
  ordinal,
  type V,
} from "./agreement-formulas";
import { pageAs, watchErrors } from "./support";
import { e2eDbPath, repoRoot } from "./users.mjs";

const dbPath = e2eDbPath();

interface Statement {
  run(...params: unknown[]): { lastInsertRowid: number | bigint };
}
interface SqliteDb {
  prepare(sql: string): Statement;
  pragma(sql: string): unknown;
  transaction<T>(fn: () => T): () => T;
  close(): void;
}
// better-sqlite3 is @claimdesk/db's dependency: load it from there.
const Database = createRequire(join(repoRoot, "packages/db/package.json"))(
  "better-sqlite3",
) as new (
  path: string,
) => SqliteDb;

// ---- The data ----

const STANCE_A: V[] = [
  "support",
  "support",
  "deny",
  "deny",
  "comment",
  "support",
  "query",
  "support",
];
const STANCE_B: V[] = ["support", "deny", "deny", "deny", "comment", "support", "support", null];
const LIKELY_A: V[] = [
  "likely",
  "likely",
  "unlikely",
  "very_likely",
  "almost_certain",
  "likely",
  null,
  "roughly_even_chance",
];
const LIKELY_B: V[] = [
  "very_likely",
  "likely",
  "unlikely",
  "likely",
  "very_likely",
  "likely",
  "unlikely",
  null,
];
// Content spans of the claims each analyst creates: [0,20)–[5,25) and [80,100)–[85,95) overlap.
const SPANS_A = [
  [0, 20],
  [40, 60],
  [80, 100],
] as const;
const SPANS_B = [
  [5, 25],
  [85, 95],
  [120, 140],
] as const;

interface Seeded {
  propositionId: number;
  propositionText: string;
  a: { id: number; name: string };
  b: { id: number; name: string };
}

function seed(): Seeded {
  const stamp = `${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
  const db = new Database(dbPath);
  db.pragma("busy_timeout = 10000");
  try {
    return db.transaction(() => {
      const user = (name: string) => {
        const id = Number(
          db
            .prepare("insert into users (name, email, role) values (?, ?, 'analyst')")
            .run(name, `${name.toLowerCase().replace(/\W+/g, ".")}@agreement.e2e`).lastInsertRowid,
        );
        return { id, name };
      };
      const a = user(`Agreement Avery ${stamp}`);
      const b = user(`Agreement Blake ${stamp}`);
      const text = `${`Agreement spec article ${stamp}. `.repeat(20)}`.slice(0, 400);
      const articleId = Number(
        db
          .prepare(
            "insert into articles (title, text, text_sha256, extractor) values (?, ?, ?, 'e2e@1')",
          )
          .run(`Agreement ${stamp}`, text, createHash("sha256").update(text).digest("hex"))
          .lastInsertRowid,
      );
      const propositionText = `Agreement spec proposition ${stamp}`;
      const propositionId = Number(
        db.prepare("insert into propositions (text) values (?)").run(propositionText)
          .lastInsertRowid,
      );
      const claim = db.prepare(
        `insert into claims (article_id, content_start, content_end, content_text, origin, status, created_by)
         values (?, ?, ?, ?, ?, ?, ?)`,
      );
      // An analyst's own version of a claim: accepted, linked to the proposition.
      const layer = db.prepare(
        `insert into claim_layers (claim_id, article_id, kind, analyst_id, status, content_start, content_end, content_text, quote_type, proposition_id)
         values (?, ?, 'analyst', ?, 'accepted', ?, ?, ?, 'indirect', ?)`,
      );
      const annotate = db.prepare(
        "insert into annotations (claim_id, analyst_id, source_stance, likelihood, submitted_at) values (?, ?, ?, ?, ?)",
      );
      const submit = db.prepare(
        "insert into article_submissions (article_id, analyst_id, created_at) values (?, ?, ?)",
      );
      const suggestion = (article: number, body: string, start: number) =>
        Number(
          claim.run(
            article,
            start,
            start + 10,
            body.slice(start, start + 10),
            "rule:e2e@1",
            "suggested",
            null,
          ).lastInsertRowid,
        );
      STANCE_A.forEach((_, i) => {
        const start = 200 + i * 20;
        const id = suggestion(articleId, text, start);
        for (const analyst of [a, b])
          layer.run(
            id,
            articleId,
            analyst.id,
            start,
            start + 10,
            text.slice(start, start + 10),
            propositionId,
          );
        annotate.run(id, a.id, STANCE_A[i], LIKELY_A[i], Date.now());
        annotate.run(id, b.id, STANCE_B[i], LIKELY_B[i], Date.now());
      });
      for (const [analyst, spans] of [
        [a, SPANS_A],
        [b, SPANS_B],
      ] as const)
        for (const [start, end] of spans) {
          const id = Number(
            claim.run(
              articleId,
              start,
              end,
              text.slice(start, end),
              "analyst",
              "accepted",
              analyst.id,
            ).lastInsertRowid,
          );
          layer.run(id, articleId, analyst.id, start, end, text.slice(start, end), propositionId);
        }
      for (const analyst of [a, b]) submit.run(articleId, analyst.id, Date.now());

      // A second article that Avery submitted and Blake did not: his disagreeing draft never counts.
      const draftText = `Agreement spec draft ${stamp}. `.repeat(20).slice(0, 400);
      const draftArticle = Number(
        db
          .prepare(
            "insert into articles (title, text, text_sha256, extractor) values (?, ?, ?, 'e2e@1')",
          )
          .run(
            `Agreement draft ${stamp}`,
            draftText,
            createHash("sha256").update(draftText).digest("hex"),
          ).lastInsertRowid,
      );
      const draftClaim = suggestion(draftArticle, draftText, 380);
      for (const analyst of [a, b])
        layer.run(
          draftClaim,
          draftArticle,
          analyst.id,
          380,
          390,
          draftText.slice(380, 390),
          propositionId,
        );
      annotate.run(draftClaim, a.id, "support", "likely", Date.now());
      annotate.run(draftClaim, b.id, "deny", "almost_no_chance", null);
      submit.run(draftArticle, a.id, Date.now());
      return { propositionId, propositionText, a, b };
    })();
  } finally {
    db.close();
  }
}

test("the Agreement page shows alpha and kappa equal to an independent calculation", async ({
  browser,
}) => {
  const seeded = seed();
  // Claim 9 (Blake's draft article) has only Avery's submitted value: a unit with one value.
  const stanceUnits = [...STANCE_A, "support"].map((v, i) => [v, STANCE_B[i] ?? null]);
  const likelyUnits = [...LIKELY_A, "likely"].map((v, i) => [v, LIKELY_B[i] ?? null]);
  const expected = {
    stanceAlpha: krippendorff(stanceUnits, nominal),
    likelyAlpha: krippendorff(likelyUnits, ordinal(likelyUnits, LIKELIHOOD_ORDER)),
    stanceKappa: cohen(STANCE_A, STANCE_B),
    likelyKappa: cohen(LIKELY_A, LIKELY_B),
    // Content overlap: the 8 suggestions both accepted match, and 2 of the hand-made pairs
    // ([0,20)–[5,25) and [80,100)–[85,95)), one to one, out of 8 + 3 spans each.
    spanF1: (2 * (8 + 2)) / (8 + SPANS_A.length + (8 + SPANS_B.length)),
    // Exact: only the suggestions (the hand-made spans differ in their offsets).
    spanExactF1: (2 * 8) / (8 + SPANS_A.length + (8 + SPANS_B.length)),
  };
  // The figures are not degenerate: a wrong formula could not match them by accident.
  expect(expected.stanceAlpha).toBeGreaterThan(0.1);
  expect(expected.stanceAlpha).toBeLessThan(0.9);
  expect(expected.likelyKappa.kappa).not.toBeCloseTo(expected.likelyAlpha, 2);

  const page = await pageAs(browser, "vic");
  const errors = watchErrors(page);
  await page.goto(`/agreement?proposition=${seeded.propositionId}`);
  await expect(page.getByRole("heading", { name: "Agreement", level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: seeded.propositionText })).toBeVisible();

  const alphaTable = page.getByRole("table", { name: "Alpha per field" });
  await expect(
    alphaTable.locator('tr[data-field="sourceStance"] [data-testid="alpha"]'),
  ).toHaveText(expected.stanceAlpha.toFixed(3));
  await expect(
    alphaTable.locator('tr[data-field="sourceStance"] [data-testid="units"]'),
  ).toHaveText("7");
  await expect(
    alphaTable.locator('tr[data-field="sourceStance"] [data-testid="coders"]'),
  ).toHaveText("2");
  await expect(alphaTable.locator('tr[data-field="likelihood"] [data-testid="alpha"]')).toHaveText(
    expected.likelyAlpha.toFixed(3),
  );
  await expect(alphaTable.locator('tr[data-field="likelihood"]')).toContainText("ordinal");
  // Nobody gave a verdict: not enough data, and no NaN anywhere.
  await expect(alphaTable.locator('tr[data-field="verdict"]')).toContainText("Not enough data");

  const pair = page
    .getByRole("table", { name: "Cohen's kappa per analyst pair" })
    .locator(`tr[data-pair="${seeded.a.id}-${seeded.b.id}"]`);
  await expect(pair.getByRole("rowheader")).toHaveText(`${seeded.a.name} & ${seeded.b.name}`);
  await expect(pair.locator('td[data-field="sourceStance"] [data-testid="kappa"]')).toHaveText(
    expected.stanceKappa.kappa.toFixed(3),
  );
  await expect(pair.locator('td[data-field="sourceStance"] [data-testid="items"]')).toHaveText(
    `n = ${expected.stanceKappa.n}`,
  );
  await expect(pair.locator('td[data-field="likelihood"] [data-testid="kappa"]')).toHaveText(
    expected.likelyKappa.kappa.toFixed(3),
  );
  const content = page
    .getByRole("table", { name: "Span agreement per analyst pair" })
    .locator(`tr[data-pair="${seeded.a.id}-${seeded.b.id}"][data-part="content"]`);
  await expect(content.getByTestId("span-f1")).toHaveText(expected.spanF1.toFixed(3));
  await expect(content.getByTestId("span-exact-f1")).toHaveText(expected.spanExactF1.toFixed(3));
  await expect(page.locator("main")).not.toContainText("NaN");

  // The unscoped page lists the proposition; its link (by keyboard) leads back to the scoped view.
  await page.goto("/agreement");
  const row = page
    .getByRole("table", { name: "Alpha per proposition" })
    .locator(`tr[data-proposition="${seeded.propositionId}"]`);
  await expect(row.locator('td[data-field="sourceStance"] [data-testid="alpha"]')).toHaveText(
    expected.stanceAlpha.toFixed(3),
  );
  await row.getByRole("link", { name: seeded.propositionText }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/agreement\\?proposition=${seeded.propositionId}$`));
  await expect(page.getByRole("table", { name: "Alpha per proposition" })).toHaveCount(0);
  await expect(page.locator('tr[data-field="sourceStance"] [data-testid="alpha"]')).toHaveText(
    expected.stanceAlpha.toFixed(3),
  );
  expect(errors).toEqual([]);
  await page.context().close();
});

test("an unknown proposition says so", async ({ page }) => {
  await page.goto("/agreement?proposition=987654321");
  await expect(page.getByText("Proposition 987654321 does not exist")).toBeVisible();
  await expect(page.getByRole("link", { name: "Agreement across all claims" })).toBeVisible();
});
