import { describe, expect, it } from "vitest";
import { articleLanguage, detectLanguage, suggesterKnows } from "./detect-language";
import { processHtml, processPlainText } from "./process-text";

const ARABIC =
  "قال وزير الخارجية يوم الثلاثاء إن المحادثات مع الجيران ستستأنف الأسبوع المقبل في العاصمة. " +
  "وأضاف المتحدث باسم الحكومة أن الوفد سيضم خبراء في شؤون المياه والطاقة، وأن الاتفاق المبدئي " +
  "يشمل تبادل الأسرى. وقالت مصادر مطلعة إن الجولة الأخيرة انتهت دون نتائج واضحة.";
const PERSIAN =
  "وزیر امور خارجه روز سه‌شنبه گفت که گفتگوها با همسایگان هفته آینده در پایتخت از سر گرفته " +
  "می‌شود. سخنگوی دولت افزود که هیئت اعزامی شامل کارشناسان آب و انرژی خواهد بود و توافق اولیه " +
  "شامل تبادل زندانیان است. منابع آگاه گفتند دور قبلی مذاکرات بدون نتیجه روشن به پایان رسید.";
// A French article quoting an English sentence: the English rules would make a garbled claim of
// "Dans un communiqué …, Washington a répondu : « The talks will fail" out of it.
const FRENCH =
  "Le ministre des Affaires étrangères a déclaré mardi que les négociations avec les pays voisins " +
  "reprendraient la semaine prochaine dans la capitale. Le porte-parole du gouvernement a ajouté " +
  "que la délégation comprendrait des experts de l'eau et de l'énergie, selon des sources proches " +
  "du dossier. Dans un communiqué publié en anglais, Washington a répondu : « The talks will fail, " +
  "the spokesman said. »";
const ENGLISH =
  "Tehran says it has funded, advised and trained allies across the region, but denies directing " +
  'their attacks. "We do not give orders," the senior Iraqi security source said on Tuesday.';

describe("detectLanguage", () => {
  it("tells Arabic, Persian, French and English apart", () => {
    expect(detectLanguage(ARABIC)).toBe("ar");
    expect(detectLanguage(PERSIAN)).toBe("fa");
    expect(detectLanguage(FRENCH)).toBe("fr");
    expect(detectLanguage(ENGLISH)).toBe("en");
  });

  it("does not call a table of figures or a scrap of text a language", () => {
    // Reuters earnings tables score as Dutch by a hair.
    expect(
      detectLanguage(
        "Shr 36 cts vs 43 cts\n    Net 1.3 mln vs 1.7 mln\n    Revs 9.0 mln vs 7.9 mln\n Reuter",
      ),
    ).not.toBe("nl");
    expect(detectLanguage("")).toBeNull();
  });

  it("keeps a declared tag of the same language and overrides a wrong one", () => {
    expect(articleLanguage(ENGLISH, "en-GB")).toBe("en-GB");
    expect(articleLanguage(ARABIC, "en")).toBe("ar");
    expect(articleLanguage("Hi.", "de")).toBe("de");
  });

  it("runs the English suggester on English and on text of unknown language only", () => {
    expect(suggesterKnows("en")).toBe(true);
    expect(suggesterKnows("en-US")).toBe(true);
    expect(suggesterKnows(null)).toBe(true);
    expect(suggesterKnows("ar")).toBe(false);
  });
});

describe("the pipeline stores the language and skips the English rules elsewhere", () => {
  it.each([
    ["ar", ARABIC],
    ["fa", PERSIAN],
    ["fr", FRENCH],
  ])("%s: detected, and no English-rule suggestions", (language, text) => {
    const article = processPlainText(`Headline\n\n${text}`);
    expect(article.language).toBe(language);
    expect(article.claims).toEqual([]);
  });

  it("a page declaring English but written in Arabic is Arabic", () => {
    const html = `<html lang="en"><head><title>خبر</title></head><body><article><p>${ARABIC}</p><p>${ARABIC}</p></article></body></html>`;
    const article = processHtml(html);
    expect(article.language).toBe("ar");
    expect(article.claims).toEqual([]);
  });

  it("English is detected and still gets its suggestions", () => {
    const article = processPlainText(ENGLISH);
    expect(article.language).toBe("en");
    expect(article.claims.map((c) => c.cue?.exact)).toEqual(
      expect.arrayContaining(["says", "said"]),
    );
  });
});
