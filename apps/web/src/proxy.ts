/**
 * Next 16 proxy (formerly middleware): a page request without a session cookie goes to the sign-in
 * page, which brings the visitor back afterwards (?next=). It only looks for the cookie; whether
 * the session is valid is checked on every API call (UNAUTHORIZED sends the browser to sign-in).
 */
import { getSessionCookie } from "better-auth/cookies";
import { type NextRequest, NextResponse } from "next/server";

/** Pages a signed-out visitor may open. */
const PUBLIC_PAGES = ["/sign-in", "/setup"];

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (PUBLIC_PAGES.some((page) => pathname === page || pathname.startsWith(`${page}/`)))
    return NextResponse.next();
  // packages/auth sets cookiePrefix "claimdesk" (claimdesk.session_token).
  if (getSessionCookie(request, { cookiePrefix: "claimdesk" })) return NextResponse.next();
  const url = new URL("/sign-in", request.url);
  const back = `${pathname}${search}`;
  if (back !== "/") url.searchParams.set("next", back);
  return NextResponse.redirect(url);
}

export const config = {
  // Pages only: not /api (each route answers 401 itself; /api/auth must stay open), not Next's
  // static files and images, not files with an extension (icon.svg, robots.txt…).
  matcher: ["/((?!api/|api$|_next/static|_next/image|.*\\.[A-Za-z0-9]+$).*)"],
};
