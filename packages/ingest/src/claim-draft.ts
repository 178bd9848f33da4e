/** A claim under construction, shared by the rules and source resolution. */
import type { TSourceKind } from "@claimdesk/types";
import type { ReportingCue } from "./reporting-verbs";

export interface ClaimRule {
  readonly name: string;
  readonly version: number;
  /** Score before per-claim adjustments. */
  readonly baseScore: number;
  readonly description: string;
}

export interface Draft {
  readonly sentence: number;
  readonly rule: ClaimRule;
  readonly cue: ReportingCue;
  readonly cueStart: number;
  readonly cueEnd: number;
  readonly source: { readonly start: number; readonly end: number } | null;
  contentStart: number;
  contentEnd: number;
  score: number;
  sourceName: string | null;
  kind: TSourceKind | null;
  /** The source is named (or an anaphor resolved to a named source): usable as an antecedent. */
  resolved: boolean;
  /**
   * The source is a description ("the company", "officials", "analysts"), not a name: a mention
   * of its own article, never a new registry source (resolveSources sets it).
   */
  sourceIsDescription?: boolean;
}
