"use client";
/** The assignment sets the signed-in analyst is working on, with their progress in each. */
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "~/trpc/react";
import { AssignmentProgress } from "./assignment-progress";

export function AssignmentMySets() {
  const trpc = useTRPC();
  const mine = useQuery({ ...trpc.assignment.mine.queryOptions(), staleTime: 0 });
  if (mine.isError)
    return (
      <p role="alert" className="text-sm text-red-700">
        Your assignments could not be loaded: {mine.error.message}
      </p>
    );
  if (!mine.data || mine.data.length === 0) return null;
  return (
    <section
      aria-labelledby="assignment-my-sets-heading"
      data-testid="assignment-my-sets"
      className="rounded-lg border border-slate-200 bg-white px-4 py-3"
    >
      <h2 id="assignment-my-sets-heading" className="text-sm font-semibold">
        Your assignments
      </h2>
      <p className="text-xs text-slate-500">Your queue holds only the articles assigned to you.</p>
      <ul className="mt-2 space-y-1.5">
        {mine.data.map((set) => (
          <li key={set.setId} className="flex flex-wrap items-center justify-between gap-2 text-sm">
            <span className="min-w-0 flex-1 truncate">
              <span className="font-medium">{set.label}</span>{" "}
              <span className="text-xs text-slate-500">
                · {set.articles} {set.articles === 1 ? "article" : "articles"} · {set.submitted}{" "}
                submitted
              </span>
            </span>
            <AssignmentProgress
              annotated={set.annotated}
              claims={set.claims}
              label={`Your progress in ${set.label}`}
            />
          </li>
        ))}
      </ul>
    </section>
  );
}
