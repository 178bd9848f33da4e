/** A progress bar for one analyst's share of an assignment set: claims they assessed of the
 * claims (not rejected) in their articles. */
export function AssignmentProgress({
  annotated,
  claims,
  label,
}: {
  annotated: number;
  claims: number;
  /** What the bar measures, for screen readers ("Ana Analyst's progress"). */
  label: string;
}) {
  const percent = claims === 0 ? 0 : Math.round((annotated / claims) * 100);
  return (
    <div className="flex items-center gap-2">
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={claims}
        aria-valuenow={annotated}
        aria-valuetext={
          claims === 0 ? "no claims yet" : `${annotated} of ${claims} claims assessed`
        }
        className="h-2 w-28 overflow-hidden rounded-full bg-slate-200"
      >
        <div className="h-full bg-indigo-600" style={{ width: `${percent}%` }} />
      </div>
      <span className="text-xs tabular-nums text-slate-600">
        {claims === 0 ? "no claims" : `${annotated}/${claims} · ${percent}%`}
      </span>
    </div>
  );
}
