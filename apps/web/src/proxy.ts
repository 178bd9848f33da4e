/**
 * Next 16 proxy (formerly middleware), on every page request:
 * - a Content-Security-Policy with a fresh nonce. Next reads the nonce from the request's CSP
 *   header and puts it on its own scripts and styles (every page is rendered per request: the
 *   root layout reads the session), so no other script runs, inline or injected.
 * - a page request without a session cookie goes to the sign-in page, which brings the visitor
 *   back afterwards (?next=). It only looks for the cookie; whether the session is valid is
 *   checked on every API call (UNAUTHORIZED sends the browser to sign-in).
 * The headers every response carries (nosniff, X-Frame-Options, Referrer-Policy) and the API's
 * own CSP are set in next.config.ts, since this proxy does not run for /api.
 */
import { getSessionCookie } from "better-auth/cookies";
import { type NextRequest, NextResponse } from "next/server";

/** Pages a signed-out visitor may open. */
const PUBLIC_PAGES = ["/sign-in", "/setup"];

/**
 * The pages' policy (Next.js's strict CSP guide, minus `upgrade-insecure-requests`, which would
 * break Claimdesk served over plain http on a LAN). Style attributes stay allowed
 * (`style-src-attr`): server-rendered widths and positions use them, and a nonce cannot cover them.
 */
export function pageContentSecurityPolicy(nonce: string, dev = false): string {
  return [
    "default-src 'self'",
    // React uses eval for its error overlays in development only.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = pageContentSecurityPolicy(nonce, process.env.NODE_ENV === "development");
  const { pathname, search } = request.nextUrl;
  const isPublic = PUBLIC_PAGES.some(
    (page) => pathname === page || pathname.startsWith(`${page}/`),
  );
  // packages/auth sets cookiePrefix "claimdesk" (claimdesk.session_token).
  if (isPublic || getSessionCookie(request, { cookiePrefix: "claimdesk" })) {
    const requestHeaders = new Headers(request.headers);
    requestHeaders.set("content-security-policy", csp);
    const response = NextResponse.next({ request: { headers: requestHeaders } });
    response.headers.set("content-security-policy", csp);
    return response;
  }
  const url = new URL("/sign-in", request.url);
  const back = `${pathname}${search}`;
  if (back !== "/") url.searchParams.set("next", back);
  const response = NextResponse.redirect(url);
  response.headers.set("content-security-policy", csp);
  return response;
}

export const config = {
  // Pages only: not /api (each route answers 401 itself; /api/auth must stay open), not Next's
  // static files and images, not files with an extension (icon.svg, robots.txt…).
  matcher: ["/((?!api/|api$|_next/static|_next/image|.*\\.[A-Za-z0-9]+$).*)"],
};
