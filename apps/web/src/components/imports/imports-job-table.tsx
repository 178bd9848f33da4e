/** One page of import jobs: status, origin, times, counts and inputs, each row linking to its detail. */
import Link from "next/link";
import {
  COUNT_FIELDS,
  formatJobTime,
  type ImportJobItem,
  inputLabel,
  ORIGIN_LABELS,
} from "./imports-format";
import { ImportStatusBadge } from "./imports-status-badge";

const MAX_INPUTS_SHOWN = 3;

function Inputs({ job }: { job: ImportJobItem }) {
  const shown = job.paths.slice(0, MAX_INPUTS_SHOWN);
  const more = job.paths.length - shown.length;
  return (
    <span className="block max-w-xs truncate" title={job.paths.join("\n")}>
      {shown.map((p) => inputLabel(p, job.origin)).join(", ")}
      {more > 0 ? ` +${more} more` : ""}
    </span>
  );
}

export function ImportsJobTable({ jobs }: { jobs: readonly ImportJobItem[] }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Import jobs, newest first</caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">
              Job
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Status
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Origin
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Started
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Finished
            </th>
            {COUNT_FIELDS.map(([key, label]) => (
              <th key={key} scope="col" className="px-3 py-2 text-right font-medium">
                {label}
              </th>
            ))}
            <th scope="col" className="px-3 py-2 font-medium">
              Inputs
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {jobs.map((job) => (
            <tr
              key={job.id}
              data-testid="import-row"
              data-job-id={job.id}
              data-status={job.status}
              className="hover:bg-slate-50"
            >
              <td className="px-3 py-2 font-medium">
                <Link href={`/imports/${job.id}`} className="text-indigo-700 hover:underline">
                  #{job.id}
                </Link>
              </td>
              <td className="px-3 py-2">
                <ImportStatusBadge status={job.status} />
              </td>
              <td className="px-3 py-2 text-slate-600">{ORIGIN_LABELS[job.origin]}</td>
              <td className="whitespace-nowrap px-3 py-2 text-slate-600">
                {formatJobTime(job.startedAt)}
              </td>
              <td className="whitespace-nowrap px-3 py-2 text-slate-600">
                {formatJobTime(job.finishedAt)}
              </td>
              {COUNT_FIELDS.map(([key, label]) => (
                <td
                  key={key}
                  data-count={key}
                  aria-label={`${label}: ${job[key]}`}
                  className={`px-3 py-2 text-right tabular-nums ${
                    key === "failed" && job.failed > 0
                      ? "font-medium text-red-700"
                      : "text-slate-700"
                  }`}
                >
                  {job[key].toLocaleString("en")}
                </td>
              ))}
              <td className="px-3 py-2 text-slate-600">
                <Inputs job={job} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
