/** better-auth's endpoints (/api/auth/sign-in/email, /sign-out, /get-session, /revoke-sessions…). */
import { toNextJsHandler } from "better-auth/next-js";
import { getAuth } from "~/server/auth";

export const dynamic = "force-dynamic";

export const { GET, POST } = toNextJsHandler((req: Request) => getAuth().handler(req));
