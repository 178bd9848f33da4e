/** Pure helpers around signing in: the ?next= path, the sign-in URL, refusals in words. */

/** A made-up origin to resolve `next` against: whatever resolves elsewhere is another site. */
const HERE = "https://claimdesk.invalid";

/** C0 controls and DEL: URL parsers drop tab and newlines (`/<tab>/host` becomes `//host`), and
 * any of them in a Location header makes the redirect itself fail. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

/**
 * Where to go after signing in: a path on this site only (never `//evil.example`, `/<tab>/host` or
 * a URL). `next` is resolved with the URL API against a placeholder origin; anything that lands on
 * another origin, contains a control character, or would still read as scheme-relative (`//host`)
 * gives "/". The answer is the resolved pathname, query and fragment.
 */
export function safeNextPath(next: string | string[] | undefined | null): string {
  const value = Array.isArray(next) ? next[0] : next;
  if (typeof value !== "string" || !value.startsWith("/") || CONTROL_CHARACTERS.test(value))
    return "/";
  let url: URL;
  try {
    url = new URL(value, HERE);
  } catch {
    return "/";
  }
  if (url.origin !== HERE) return "/";
  const path = `${url.pathname}${url.search}${url.hash}`;
  // "/.//evil.example" resolves to the pathname "//evil.example": scheme-relative in a Location.
  if (path.startsWith("//") || path.startsWith("/\\")) return "/";
  if (url.pathname === "/sign-in" || url.pathname.startsWith("/sign-in/")) return "/";
  if (url.pathname === "/setup" || url.pathname.startsWith("/setup/")) return "/";
  return path;
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
