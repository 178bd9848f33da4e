"use client";
/**
 * /agreement: inter-annotator agreement over submitted annotations — Krippendorff's alpha per
 * field (for everything, or one proposition's claims), Cohen's kappa and span overlap F1 per
 * analyst pair, and alpha per proposition; with how to read the figures.
 */
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import type { ReactNode } from "react";
import { isNotFound } from "~/trpc/errors";
import { useTRPC } from "~/trpc/react";
import { EmptyState, ErrorState, LoadingState } from "../shared/query-states";
import { AlphaTable, KappaTable, PropositionAlphaTable, SpanTable } from "./agreement-tables";

function Section({ title, id, children }: { title: string; id: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="space-y-2">
      <h2 id={id} className="text-base font-semibold text-slate-800">
        {title}
      </h2>
      {children}
    </section>
  );
}

function Explanation() {
  return (
    <details className="rounded-lg border border-slate-200 bg-white px-4 py-3 text-sm text-slate-700">
      <summary className="cursor-pointer font-medium text-slate-800">
        How to read these figures
      </summary>
      <div className="mt-2 space-y-2">
        <p>
          <strong>Krippendorff's alpha (α)</strong> compares the disagreement analysts show with the
          disagreement expected if their values were assigned by chance: α = 1 − observed /
          expected. 1 is perfect agreement, 0 is what chance alone produces, below 0 is systematic
          disagreement. It takes any number of analysts and claims not everyone annotated; a claim
          counts once at least two analysts submitted a value for it. Categories are compared as
          nominal (equal or not); likelihood, analytic confidence and credibility as ordinal scales,
          where neighbouring values disagree less than distant ones. Credibility 6 ("truth cannot be
          judged") is not a point on the 1–5 scale, so alpha leaves it out.
        </p>
        <p>
          Krippendorff suggests relying on a field with <strong>α ≥ 0.800</strong>, drawing only
          tentative conclusions from <strong>0.667 ≤ α &lt; 0.800</strong>, and discarding data
          below 0.667.
        </p>
        <p>
          <strong>Cohen's kappa (κ)</strong> does the same for one pair of analysts over the claims
          both annotated (n); it is not weighted, so on ordinal fields any difference counts as a
          disagreement. <strong>Span F1</strong> compares the content, source mention and cue spans
          of the claims each analyst accepted or made in the articles both submitted, as the PolNeAR
          scorer does: <em>exact</em> when the offsets are equal, <em>overlap</em> when the spans
          share a character, one to one, largest overlap first; F1 = 2 · matches / (first's spans +
          second's spans), summed over the articles.
        </p>
        <p>
          Only <strong>submitted</strong> layers count. <strong>Is a claim</strong> compares each
          analyst's accept / reject of a suggestion (untouched is no value); a claim one analyst
          made by hand and the other did not counts as the other's "no". <strong>Source</strong> and{" "}
          <strong>quote type</strong> compare the values of the analysts who accepted the same
          suggestion, or made hand-made claims whose content spans overlap in an article (greedily,
          largest overlap first). A dash means there is not enough data: no claim with two analysts'
          values, or everyone gave the same value to everything (then chance agreement is total and
          α is 0/0).
        </p>
      </div>
    </details>
  );
}

export function AgreementOverview({ propositionId }: { propositionId?: number }) {
  const trpc = useTRPC();
  const scope = propositionId === undefined ? {} : { propositionId };
  const summary = useQuery(trpc.agreement.summary.queryOptions(scope));
  const pairs = useQuery(trpc.agreement.pairs.queryOptions(scope));
  const propositions = useQuery({
    ...trpc.agreement.propositions.queryOptions(),
    enabled: propositionId === undefined,
  });

  if (summary.isError && isNotFound(summary.error))
    return (
      <EmptyState title={`Proposition ${propositionId} does not exist`}>
        <Link href="/agreement" className="text-indigo-700 hover:underline">
          Agreement across all claims
        </Link>
      </EmptyState>
    );

  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <h1 className="text-xl font-semibold tracking-tight">Agreement</h1>
        {summary.data?.proposition ? (
          <p className="text-sm text-slate-600">
            Claims linked to the proposition{" "}
            <Link
              href={`/propositions/${summary.data.proposition.id}`}
              className="font-medium text-indigo-800 hover:underline"
            >
              {summary.data.proposition.text}
            </Link>{" "}
            ·{" "}
            <Link href="/agreement" className="text-indigo-700 hover:underline">
              all claims
            </Link>
          </p>
        ) : (
          <p className="text-sm text-slate-600">
            Inter-annotator agreement over every submitted layer: the attribution (is it a claim,
            source, quote type, spans) and the judgements.
          </p>
        )}
      </header>
      <Explanation />

      <Section title="Krippendorff's alpha per field" id="alpha-heading">
        {summary.isPending ? (
          <LoadingState label="Computing agreement…" />
        ) : summary.isError ? (
          <ErrorState
            title="Could not compute agreement"
            error={summary.error}
            onRetry={() => void summary.refetch()}
          />
        ) : (
          <>
            <p className="text-sm text-slate-600" data-testid="agreement-totals">
              {summary.data.submittedAnnotations} submitted annotation
              {summary.data.submittedAnnotations === 1 ? "" : "s"} on {summary.data.annotatedClaims}{" "}
              claim{summary.data.annotatedClaims === 1 ? "" : "s"} by {summary.data.analysts.length}{" "}
              analyst{summary.data.analysts.length === 1 ? "" : "s"}
              {summary.data.analysts.length > 0
                ? ` (${summary.data.analysts.map((a) => a.name).join(", ")})`
                : ""}
              .
            </p>
            {summary.data.submittedAnnotations === 0 && summary.data.analysts.length === 0 ? (
              <EmptyState title="Not enough data yet">
                Agreement needs at least two analysts who submitted annotations of the same claims.
              </EmptyState>
            ) : null}
            <AlphaTable fields={summary.data.fields} />
          </>
        )}
      </Section>

      <Section title="Per analyst pair: Cohen's kappa" id="kappa-heading">
        {pairs.isPending ? (
          <LoadingState label="Comparing analysts…" />
        ) : pairs.isError ? (
          <ErrorState
            title="Could not compare analysts"
            error={pairs.error}
            onRetry={() => void pairs.refetch()}
          />
        ) : pairs.data.length === 0 ? (
          <EmptyState title="Not enough data yet">
            No two analysts have submitted annotations of the same claim or worked on the same
            article.
          </EmptyState>
        ) : (
          <KappaTable pairs={pairs.data} />
        )}
      </Section>

      <Section title="Per analyst pair: span agreement" id="span-heading">
        {pairs.isPending ? (
          <LoadingState label="Comparing spans…" />
        ) : pairs.isError ? null : pairs.data.every((p) => p.spans.articles === 0) ? (
          <EmptyState title="Not enough data yet">
            No two analysts have created or accepted claims in the same article.
          </EmptyState>
        ) : (
          <SpanTable pairs={pairs.data.filter((p) => p.spans.articles > 0)} />
        )}
      </Section>

      {propositionId === undefined ? (
        <Section title="Per proposition: Krippendorff's alpha" id="proposition-heading">
          {propositions.isPending ? (
            <LoadingState label="Computing agreement per proposition…" />
          ) : propositions.isError ? (
            <ErrorState
              title="Could not compute agreement per proposition"
              error={propositions.error}
              onRetry={() => void propositions.refetch()}
            />
          ) : propositions.data.length === 0 ? (
            <EmptyState title="Not enough data yet">
              No annotated claim is linked to a proposition.
            </EmptyState>
          ) : (
            <PropositionAlphaTable rows={propositions.data} />
          )}
        </Section>
      ) : null}
    </div>
  );
}
