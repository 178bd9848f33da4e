/** formatDate: stored ISO strings to short UTC dates. */
import { describe, expect, it } from "vitest";
import { formatDate } from "./format-date";

describe("formatDate", () => {
  it("formats date-only and date-time strings in UTC", () => {
    expect(formatDate("2024-02-08")).toBe("8 Feb 2024");
    expect(formatDate("2024-02-08T23:30:00.000Z")).toBe("8 Feb 2024");
  });

  it("keeps an unparseable string and blanks a missing one", () => {
    expect(formatDate("last Tuesday")).toBe("last Tuesday");
    expect(formatDate(null)).toBe("");
  });
});
