/** `/propositions`: the normalised statements claims bear on, with their claim counts. */
import type { Metadata } from "next";
import { PropositionsList } from "~/components/propositions/propositions-list";

export const metadata: Metadata = { title: "Propositions" };

export default function PropositionsPage() {
  return (
    <div className="mx-auto max-w-5xl px-4 py-6">
      <h1 className="mb-4 text-xl font-semibold tracking-tight">Propositions</h1>
      <PropositionsList />
    </div>
  );
}
