/** The browser's better-auth client: sign-in and sign-out against /api/auth/*. */
import { createAuthClient } from "better-auth/react";

/** Talks to /api/auth/* on this origin. Redirect helpers: ./auth-redirect.ts. */
export const authClient = createAuthClient();
