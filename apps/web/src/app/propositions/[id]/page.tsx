/** `/propositions/[id]`: who supports and who denies one proposition, across articles. */
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PropositionsOverview } from "~/components/propositions/propositions-overview";

export const metadata: Metadata = { title: "Proposition" };

export default async function PropositionPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const propositionId = Number(id);
  if (!/^\d+$/.test(id) || !Number.isSafeInteger(propositionId) || propositionId < 1) notFound();
  return (
    <div className="mx-auto max-w-5xl px-4 py-6">
      <PropositionsOverview id={propositionId} />
    </div>
  );
}
