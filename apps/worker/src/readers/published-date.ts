/** Publication dates from corpora into ISO 8601 where the format is known; anything else kept as given. */

const MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
// Reuters-21578: "26-FEB-1987 15:01:01.79" (no time zone given, so none is invented).
const REUTERS_DATE =
  /^\s*(\d{1,2})-([A-Za-z]{3})-(\d{4}) (\d{1,2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?\s*$/;

const pad = (value: string | number, width = 2) => String(value).padStart(width, "0");

/** "26-FEB-1987 15:01:01.79" → "1987-02-26T15:01:01.790"; other strings trimmed, unchanged. */
export function toIsoDate(value: string): string {
  const m = REUTERS_DATE.exec(value);
  if (m === null) return value.trim();
  const [, day = "", mon = "", year = "", hour = "", minute = "", second = "", fraction] = m;
  const month = MONTHS.indexOf(mon.toUpperCase()) + 1;
  if (month === 0 || Number(day) > 31 || Number(hour) > 23) return value.trim();
  const ms = fraction === undefined ? "" : `.${fraction.padEnd(3, "0")}`;
  return `${year}-${pad(month)}-${pad(day)}T${pad(hour)}:${minute}:${second}${ms}`;
}
