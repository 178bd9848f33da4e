/** Pure helpers around signing in: the ?next= path, the sign-in URL, refusals in words. */

/** Where to go after signing in: a path on this site only (never `//evil.example` or a URL). */
export function safeNextPath(next: string | string[] | undefined | null): string {
  const value = Array.isArray(next) ? next[0] : next;
  if (!value?.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return "/";
  if (value.startsWith("/sign-in") || value.startsWith("/setup")) return "/";
  return value;
}

/** The sign-in page, coming back to the current page afterwards. */
export function signInUrl(current: { pathname: string; search: string }): string {
  return `/sign-in?next=${encodeURIComponent(`${current.pathname}${current.search}`)}`;
}

/** A sign-in refusal in words: wrong credentials, a disabled account, or the rate limit. */
export function signInErrorMessage(
  error: { status: number; message?: string | undefined },
  retryAfterSeconds: string | null,
): string {
  if (error.status === 429) {
    // The per-IP limit sends X-Retry-After; the per-account one says "Try again in N s.".
    const seconds = Number(retryAfterSeconds ?? /(\d+)\s*s\b/.exec(error.message ?? "")?.[1]);
    return Number.isFinite(seconds) && seconds > 0
      ? `Too many attempts, try again in ${Math.ceil(seconds)} s.`
      : "Too many attempts, try again in a minute.";
  }
  if (error.status === 401) return "Wrong email or password.";
  if (error.status === 403)
    return "This account is disabled. Ask an admin to enable it; your work is kept.";
  return error.message || `Signing in failed (HTTP ${error.status}). Try again.`;
}
