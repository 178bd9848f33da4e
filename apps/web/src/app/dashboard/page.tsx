/** `/dashboard`: how far review has come, and what the corpus's claims look like. */
import type { Metadata } from "next";
import { DashboardCharts } from "~/components/dashboard/dashboard-charts";

export const metadata: Metadata = { title: "Dashboard" };

export default function DashboardPage() {
  return (
    <div className="mx-auto max-w-6xl px-4 py-6">
      <h1 className="mb-4 text-xl font-semibold tracking-tight">Dashboard</h1>
      <DashboardCharts />
    </div>
  );
}
