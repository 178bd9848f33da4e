/** The failed records of an import job: file, line (or record number) and the reason it failed. */
import { type ImportJobDetailData, inputLabel } from "./imports-format";

export function ImportsFailedRecords({
  records,
  origin,
}: {
  records: ImportJobDetailData["errors"]["items"];
  origin: ImportJobDetailData["job"]["origin"];
}) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Failed records</caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">
              File
            </th>
            <th scope="col" className="px-3 py-2 text-right font-medium">
              Line
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Reason
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {records.map((record) => (
            <tr key={record.id} data-testid="failed-record">
              <td className="max-w-xs truncate px-3 py-2 font-mono text-xs" title={record.file}>
                {inputLabel(record.file, origin)}
              </td>
              <td className="px-3 py-2 text-right tabular-nums text-slate-600">
                {record.line ?? "–"}
              </td>
              {/* Reasons can quote the file's bytes: React text only, never HTML. */}
              <td className="whitespace-pre-wrap break-words px-3 py-2 text-slate-800">
                {record.reason}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
