import { describe, expect, it } from "vitest";
import { describeMissingBody, mapRecord, parseFieldMap, resolveFieldMap } from "./field-map";
import { toIsoDate } from "./published-date";

describe("parseFieldMap", () => {
  it("parses field=source pairs, trimming spaces and ignoring empty entries", () => {
    expect(parseFieldMap("title=headline, body = articleBody,,externalId=Body ID")).toEqual({
      title: "headline",
      body: "articleBody",
      externalId: "Body ID",
    });
    expect(parseFieldMap("")).toEqual({});
  });

  it("throws a clear error for a bad spec", () => {
    expect(() => parseFieldMap("title")).toThrow('--map entry "title" has no "="');
    expect(() => parseFieldMap("headline=title")).toThrow(
      '"headline" is not an article field (one of externalId, title, body, url, publisher, publishedAt, byline)',
    );
    expect(() => parseFieldMap("body=")).toThrow('no source field after "="');
    expect(() => parseFieldMap("body=a,body=b")).toThrow('--map maps "body" twice');
  });
});

describe("resolveFieldMap defaults", () => {
  it("maps each corpus's fields with no flag", () => {
    // reuters-21578
    expect(
      resolveFieldMap([
        "newid",
        "lewissplit",
        "date",
        "topics",
        "places",
        "title",
        "dateline",
        "body",
      ]),
    ).toEqual({ externalId: "newid", title: "title", body: "body", publishedAt: "date" });
    // bbc-news-2225
    expect(resolveFieldMap(["id", "category", "title", "body"])).toEqual({
      externalId: "id",
      title: "title",
      body: "body",
    });
    // fnc-1
    expect(resolveFieldMap(["Body ID", "articleBody"])).toEqual({
      externalId: "Body ID",
      body: "articleBody",
    });
    // polnear
    expect(
      resolveFieldMap([
        "id",
        "compartment",
        "annotator",
        "publisher",
        "publication_date",
        "author",
        "title",
        "text",
        "attributions",
      ]),
    ).toEqual({
      externalId: "id",
      title: "title",
      body: "text",
      publisher: "publisher",
      publishedAt: "publication_date",
      byline: "author",
    });
  });

  it("lets --map win, matching the name exactly or ignoring case and punctuation", () => {
    expect(resolveFieldMap(["Headline", "Story"], { title: "headline", body: "Story" })).toEqual({
      title: "Headline",
      body: "Story",
    });
    // An explicit name that is absent is not replaced by a default.
    expect(resolveFieldMap(["body"], { body: "missing" })).toEqual({});
  });

  it("explains a missing body", () => {
    expect(describeMissingBody(["Headline", "Stance"], {})).toMatch(
      /^no body field: none of body, text, articleBody.* among "Headline", "Stance"; name it with --map body=<field>$/,
    );
    expect(describeMissingBody(["a"], { body: "b" })).toBe(
      'no field "b" (given by --map body=…); fields are "a"',
    );
  });
});

describe("mapRecord", () => {
  const resolved = resolveFieldMap(["newid", "date", "title", "body", "authors"]);
  it("turns values into strings and the date into ISO", () => {
    const record = {
      newid: 7,
      date: "26-FEB-1987 15:01:01.79",
      title: "T",
      body: "B.",
      authors: ["A", "B"],
    };
    expect(mapRecord((k) => record[k as keyof typeof record], resolved)).toEqual({
      ok: true,
      fields: {
        externalId: "7",
        title: "T",
        body: "B.",
        url: null,
        publisher: null,
        publishedAt: "1987-02-26T15:01:01.790",
        byline: "A, B",
      },
    });
  });

  it("refuses a record with no body, or an enormous one", () => {
    expect(mapRecord(() => "  ", resolved)).toEqual({
      ok: false,
      reason: 'empty body: field "body" is missing or blank',
    });
    const huge = mapRecord((k) => (k === "body" ? "x".repeat(2_000_001) : null), resolved);
    expect(huge).toEqual({
      ok: false,
      reason: "too large: the body has 2.0 M characters, over the 2 M limit",
    });
  });
});

describe("toIsoDate", () => {
  it("converts Reuters-21578 dates and keeps others as given", () => {
    expect(toIsoDate("26-FEB-1987 15:01:01.79")).toBe("1987-02-26T15:01:01.790");
    expect(toIsoDate(" 1-MAR-1987 09:05:00.00")).toBe("1987-03-01T09:05:00.000");
    expect(toIsoDate("2015-11-11")).toBe("2015-11-11");
    expect(toIsoDate("31-XYZ-1987 15:01:01.79")).toBe("31-XYZ-1987 15:01:01.79");
  });
});
