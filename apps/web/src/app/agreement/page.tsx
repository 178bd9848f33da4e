/** `/agreement`: how far analysts agree — alpha per field, kappa and span F1 per pair, per proposition. */
import type { Metadata } from "next";
import { AgreementOverview } from "~/components/agreement/agreement-overview";

export const metadata: Metadata = { title: "Agreement" };

export default async function AgreementPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { proposition } = await searchParams;
  const raw = typeof proposition === "string" ? proposition : undefined;
  const id = raw !== undefined && /^\d+$/.test(raw) ? Number(raw) : undefined;
  const propositionId = id !== undefined && Number.isSafeInteger(id) && id > 0 ? id : undefined;
  return (
    <div className="mx-auto max-w-6xl px-4 py-6">
      <AgreementOverview propositionId={propositionId} />
    </div>
  );
}
