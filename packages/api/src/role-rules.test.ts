/**
 * The role matrix: every procedure in appRouter has a declared least role, and each one is called
 * as anonymous, viewer, analyst, adjudicator and admin to prove the server enforces it.
 *
 * Adding a procedure? Add one line to RULES with the least role it needs ("public" only for the
 * first-run and session-status procedures). A procedure missing from RULES fails this file, and the
 * failure prints the lines to paste. If minimal input (`{}`) would make a procedure fail for another
 * reason than its role (it never should: the role check runs before the input is parsed), give it
 * an `input` here.
 */
import type { TUserRole } from "@claimdesk/types";
import { TRPCError } from "@trpc/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { describe, expect, it } from "vitest";
import { appRouter } from "./root";
import { setupApi } from "./testing";
import { createContextInner, type SessionUser } from "./trpc";

type Least = "public" | TUserRole;
type Rule = Least | { least: Least; input: unknown };

/** Reads and export: viewer. Writes to the corpus: analyst. Decisions: adjudicator. Users and
 * assignments: admin. Signing in for the first time: public. */
const RULES: Record<string, Rule> = {
  // session and first run
  "auth.status": "public",
  "auth.setup": "public",

  // articles
  "article.list": "viewer",
  "article.byId": "viewer",
  "article.layers": "viewer",
  "article.submit": "analyst",

  // claims
  "claim.create": "analyst",
  "claim.update": "analyst",
  "claim.delete": "analyst",

  // sources
  "source.list": "viewer",
  "source.create": "analyst",
  "source.update": "analyst",
  "source.merge": "analyst",
  "source.undoMerge": "analyst",
  "source.recentMerges": "viewer",
  "source.mergeProposals": "viewer",

  // annotations
  "annotation.upsert": "analyst",
  "annotation.submit": "analyst",
  // reads, under the blind rule (a viewer sees only submitted annotations)
  "annotation.forClaim": "viewer",

  // inter-annotator agreement: reads
  "agreement.summary": "viewer",
  "agreement.pairs": "viewer",
  "agreement.propositions": "viewer",

  // audit history
  "history.forClaim": "viewer",

  // propositions and tags
  "proposition.list": "viewer",
  "proposition.byId": "viewer",
  "proposition.create": "analyst",
  "tag.list": "viewer",

  // the review queue is the analyst's own work list
  "queue.summary": "analyst",
  "queue.next": "analyst",

  // imports (the upload itself is the /api/imports/upload route handler: analyst)
  "imports.list": "viewer",
  "imports.byId": "viewer",

  // the claims table, sources, propositions and dashboard
  "corpus.claims": "viewer",
  "corpus.count": "viewer",
  "corpus.bulkUpdate": "analyst",
  "corpus.facets": "viewer",
  "corpus.stats": "viewer",
  "corpus.propositions": "viewer",
  "corpus.proposition": "viewer",
  "corpus.sources": "viewer",
  "corpus.mergeSources": "analyst",

  // adjudication: the queue shows every analyst's values; deciding is the adjudicator's
  "adjudication.queue": "adjudicator",
  "adjudication.decide": "adjudicator",
  "adjudication.byClaim": "viewer",

  // users: admin, except one's own account
  "users.list": "admin",
  "users.create": "admin",
  "users.update": "admin",
  "users.revokeSessions": "admin",
  "users.me": "viewer",
  "users.signOutEverywhere": "viewer",

  // assignments: admin; anyone who annotates sees their own sets
  "assignment.candidates": "admin",
  "assignment.preview": "admin",
  "assignment.create": "admin",
  "assignment.list": "admin",
  "assignment.detail": "admin",
  "assignment.mine": "analyst",
};

const ROLES: readonly TUserRole[] = ["viewer", "analyst", "adjudicator", "admin"];
const RANK: Record<Least, number> = { public: -1, viewer: 0, analyst: 1, adjudicator: 2, admin: 3 };

function leastOf(rule: Rule): Least {
  return typeof rule === "string" ? rule : rule.least;
}
function inputOf(rule: Rule): unknown {
  return typeof rule === "string" ? {} : rule.input;
}

/** A guess for a procedure nobody declared yet, for the failure message only. */
function guessRule(path: string, type: string): Least {
  const [routerName = ""] = path.split(".");
  if (routerName === "users" || routerName === "assignment") return "admin";
  if (routerName === "adjudication" && type === "mutation") return "adjudicator";
  return type === "query" ? "viewer" : "analyst";
}

type ProcedureRecord = Record<string, { _def: { type: string } }>;
const procedures = appRouter._def.procedures as unknown as ProcedureRecord;
const paths = Object.keys(procedures).sort();

/** Calls `path` ("claim.update") on a caller with `input`; resolves to the error or null. */
async function errorOf(caller: unknown, path: string, input: unknown): Promise<unknown> {
  let target: unknown = caller;
  for (const key of path.split(".")) target = (target as Record<string, unknown>)[key];
  if (typeof target !== "function") throw new Error(`${path} is not callable on the caller`);
  try {
    await (target as (input: unknown) => Promise<unknown>)(input);
    return null;
  } catch (error) {
    return error;
  }
}

describe("role rules", () => {
  it("declares a rule for every procedure in appRouter, and none for procedures that are gone", () => {
    const missing = paths.filter((path) => !(path in RULES));
    const stale = Object.keys(RULES).filter((path) => !(path in procedures));
    const paste = missing
      .map((path) => `  "${path}": "${guessRule(path, procedures[path]?._def.type ?? "")}",`)
      .join("\n");
    expect(
      missing,
      `Add these to RULES in role-rules.test.ts (guesses: check each):\n${paste}`,
    ).toEqual([]);
    expect(stale, "RULES names procedures appRouter no longer has").toEqual([]);
    expect(paths.length).toBeGreaterThan(30);
  });

  it("declares public only for the first-run and session-status procedures", () => {
    const open = Object.entries(RULES)
      .filter(([, rule]) => leastOf(rule) === "public")
      .map(([path]) => path)
      .sort();
    expect(open).toEqual(["auth.setup", "auth.status"]);
  });

  it("answers 401 and 403 over HTTP, as the browser sees them", async () => {
    const api = setupApi();
    const viewer = api.callerAs("viewer").user;
    const call = async (path: string, user: SessionUser | null) => {
      const type = procedures[path]?._def.type;
      const url = `http://localhost/api/trpc/${path}`;
      const req =
        type === "query"
          ? new Request(`${url}?input=${encodeURIComponent("{}")}`)
          : new Request(url, {
              method: "POST",
              body: "{}",
              headers: { "content-type": "application/json" },
            });
      const res = await fetchRequestHandler({
        endpoint: "/api/trpc",
        req,
        router: appRouter,
        createContext: () => createContextInner({ db: api.db, user }),
      });
      return res.status;
    };
    const got: string[] = [];
    const want: string[] = [];
    for (const path of paths.filter((p) => p in RULES)) {
      const least = leastOf(RULES[path] as Rule);
      if (least === "public") continue;
      got.push(`${path} anonymous ${await call(path, null)}`);
      want.push(`${path} anonymous 401`);
      if (least !== "viewer") {
        got.push(`${path} viewer ${await call(path, viewer)}`);
        want.push(`${path} viewer 403`);
      }
    }
    expect(got).toEqual(want);
    api.db.$client.close();
  });

  // One fresh database per procedure: a successful call by one role cannot change another's result.
  describe.each(paths.filter((path) => path in RULES))("%s", (path) => {
    const rule = RULES[path] as Rule;
    const least = leastOf(rule);
    const input = inputOf(rule);

    it(`is refused below ${least} and allowed from ${least} up`, async () => {
      const api = setupApi();
      const outcomes: string[] = [];
      const expected: string[] = [];
      const describeOutcome = (error: unknown) =>
        error === null
          ? "ok"
          : error instanceof TRPCError
            ? error.code === "UNAUTHORIZED" || error.code === "FORBIDDEN"
              ? error.code
              : "passed the role check"
            : `threw ${String(error)}`;

      outcomes.push(`anonymous: ${describeOutcome(await errorOf(api.anonymous, path, input))}`);
      expected.push(`anonymous: ${least === "public" ? "allowed" : "UNAUTHORIZED"}`);
      for (const role of ROLES) {
        const { caller } = api.callerAs(role);
        outcomes.push(`${role}: ${describeOutcome(await errorOf(caller, path, input))}`);
        expected.push(`${role}: ${RANK[role] >= RANK[least] ? "allowed" : "FORBIDDEN"}`);
      }
      // "ok" and "passed the role check" (BAD_REQUEST, NOT_FOUND on minimal input) both mean allowed.
      const normalised = outcomes.map((line) =>
        line.replace(/: (ok|passed the role check)$/, ": allowed"),
      );
      expect(normalised, outcomes.join("\n")).toEqual(expected);
      api.db.$client.close();
    });
  });
});
