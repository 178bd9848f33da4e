/** `/sources`: the registry of who speaks, with claim counts, and merging duplicates. */
import type { Metadata } from "next";
import { SourcesRegistry } from "~/components/sources/sources-registry";

export const metadata: Metadata = { title: "Sources" };

export default function SourcesPage() {
  return (
    <div className="mx-auto max-w-6xl px-4 py-6">
      <h1 className="mb-1 text-xl font-semibold tracking-tight">Sources</h1>
      <p className="mb-4 text-sm text-slate-600">
        Edit a source, or select the sources that name the same speaker and merge them: the claims
        of those merged away will cite the one kept. A merge can be undone under Recent merges.
      </p>
      <SourcesRegistry />
    </div>
  );
}
