/** safeNextPath, signInUrl, signInErrorMessage: no open redirect, and refusals in words. */
import { describe, expect, it } from "vitest";
import { safeNextPath, signInErrorMessage, signInUrl } from "./auth-redirect";

describe("safeNextPath", () => {
  it("keeps paths on this site, with their query", () => {
    expect(safeNextPath("/claims?status=accepted")).toBe("/claims?status=accepted");
    expect(safeNextPath(["/articles/3", "/x"])).toBe("/articles/3");
  });
  it("refuses other sites, scheme-relative and backslash tricks, and the auth pages", () => {
    for (const bad of ["https://evil.example/", "//evil.example", "/\\evil.example", "evil", ""])
      expect(safeNextPath(bad)).toBe("/");
    expect(safeNextPath(undefined)).toBe("/");
    expect(safeNextPath("/sign-in?next=/x")).toBe("/");
    expect(safeNextPath("/setup")).toBe("/");
  });
  it("refuses control characters, which URL parsers drop (`/<tab>/host` is `//host`)", () => {
    // Issue #14: ?next=%2F%09%2Fevil.example%2Fphish went to evil.example, and
    // ?next=%2F%0A%2Fevil.example put a newline in the Location header (a 500).
    for (const bad of [
      "/\t/evil.example/phish",
      "/\n/evil.example",
      "/\r\n/evil.example",
      "/\t\\evil.example",
      "/\u0000/evil.example",
      "/claims\nSet-Cookie: x=1",
      "\t//evil.example",
    ])
      expect(safeNextPath(bad), JSON.stringify(bad)).toBe("/");
  });
  it("refuses paths that resolve to another origin or to a scheme-relative path", () => {
    for (const bad of [
      "/\\/evil.example",
      "/.//evil.example",
      "/..//evil.example",
      "/./\\evil.example",
      "/%2e%2e//evil.example",
      "http:evil.example",
    ])
      expect(safeNextPath(bad), JSON.stringify(bad)).toBe("/");
  });
  it("returns the path as the URL API resolves it: pathname, query and fragment", () => {
    expect(safeNextPath("/claims?q=a b#top")).toBe("/claims?q=a%20b#top");
    expect(safeNextPath("/articles/../claims")).toBe("/claims");
    expect(safeNextPath("/%2F%2Fevil.example")).toBe("/%2F%2Fevil.example");
    expect(safeNextPath("/sign-in/../setup")).toBe("/");
  });
});

describe("signInUrl", () => {
  it("carries the current path and query, encoded", () => {
    expect(signInUrl({ pathname: "/claims", search: "?q=a&b=1" })).toBe(
      "/sign-in?next=%2Fclaims%3Fq%3Da%26b%3D1",
    );
  });
});

describe("signInErrorMessage", () => {
  it("names wrong credentials, a disabled account and the rate limit with its wait", () => {
    expect(signInErrorMessage({ status: 401 }, null)).toBe("Wrong email or password.");
    expect(signInErrorMessage({ status: 403 }, null)).toMatch(/disabled/);
    expect(signInErrorMessage({ status: 429 }, "42")).toBe("Too many attempts, try again in 42 s.");
    expect(
      signInErrorMessage(
        { status: 429, message: "Too many sign-in attempts for this account. Try again in 240 s." },
        null,
      ),
    ).toBe("Too many attempts, try again in 240 s.");
    expect(signInErrorMessage({ status: 429 }, null)).toBe(
      "Too many attempts, try again in a minute.",
    );
    expect(signInErrorMessage({ status: 500, message: "" }, null)).toMatch(/HTTP 500/);
  });
});
