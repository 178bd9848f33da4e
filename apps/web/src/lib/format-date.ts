/** Human dates for ISO strings as stored (date-only or date-time), shown in UTC so every reader agrees. */

const dateFormat = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  timeZone: "UTC",
});

/** "8 Feb 2024" for an ISO date or date-time; the raw string when it does not parse; "" for null. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return "";
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : dateFormat.format(ms);
}
