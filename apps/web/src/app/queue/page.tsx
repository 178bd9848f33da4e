/** `/queue`: what still needs the analyst's attention, and a Start button into the first article. */
import type { Metadata } from "next";
import { QueueOverview } from "./queue-overview";

export const metadata: Metadata = { title: "Review queue" };

export default function QueuePage() {
  return (
    <div className="mx-auto max-w-2xl px-4 py-8">
      <h1 className="text-xl font-semibold tracking-tight">Review queue</h1>
      <p className="mt-1 text-sm text-slate-600">
        Claims that need you: still suggested, or accepted but not yet assessed by you — only in
        your assigned articles when an admin has assigned you some. Articles come oldest first; in
        an article press <kbd className="font-mono">n</kbd> for the next one and{" "}
        <kbd className="font-mono">?</kbd> for every shortcut.
      </p>
      <QueueOverview />
    </div>
  );
}
