/**
 * FEVER-style JSONL (Thorne et al. 2018): {id, claim, label, evidence} for the claims that carry a
 * verdict. The label is FEVER_LABELS of the consensus verdict (see consensus.ts: the adjudicated
 * verdict when the adjudicator gave one, else the analysts' majority; ties are left out). Evidence uses FEVER's
 * [[[annotationId, evidenceId, page, sentence]]] shape with the article IRI as the page; NOT
 * ENOUGH INFO has no page. Extra fields say where the label came from and where the claim is.
 */
import type { ExportClaim } from "@claimdesk/db";
import { FEVER_LABELS } from "@claimdesk/types";
import { consensusVerdict } from "../consensus";
import type { ExportFormatter } from "../format";
import { articleIri } from "./web-annotation";

export function toFeverRecord(claim: ExportClaim) {
  const verdict = consensusVerdict(claim);
  if (verdict === null) return null;
  const label = FEVER_LABELS[verdict.value];
  const page = verdict.value === "not_enough_info" ? null : articleIri(claim.article);
  return {
    id: claim.id,
    claim: claim.content.exact,
    label,
    verifiable: verdict.value === "not_enough_info" ? "NOT VERIFIABLE" : "VERIFIABLE",
    evidence: [[[null, null, page, null]]],
    labelFrom: {
      rule: verdict.rule,
      votes: verdict.votes,
      analysts: claim.annotations.length,
      ...(verdict.rule === "adjudicated" && claim.adjudication
        ? { adjudicator: claim.adjudication.adjudicator.name }
        : {}),
    },
    article: { textSha256: claim.article.textSha256, url: claim.article.url },
    span: { start: claim.content.start, end: claim.content.end },
    source: claim.source?.name ?? claim.sourceMention?.exact ?? null,
  };
}

export function createFeverFormatter(): ExportFormatter {
  return {
    format: "fever",
    extension: ".fever.jsonl",
    mediaType: "application/x-ndjson; charset=utf-8",
    begin: () => "",
    claim: (claim) => {
      const record = toFeverRecord(claim);
      return record === null ? "" : `${JSON.stringify(record)}\n`;
    },
    end: () => "",
  };
}
