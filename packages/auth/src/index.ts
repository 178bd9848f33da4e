/** @claimdesk/auth: better-auth configured for Claimdesk, and account creation outside sign-in. */
export {
  type Auth,
  type AuthOptions,
  createAuth,
  DEFAULT_SIGN_IN_LIMIT,
  MIN_PASSWORD_LENGTH,
} from "./auth";
export { createUserWithPassword, type NewUser, WeakPasswordError } from "./create-user";
export { loadAuthSecret } from "./secret";
