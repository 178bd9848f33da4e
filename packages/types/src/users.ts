/** Accounts: inputs of auth.setup (first-run admin) and users.* (admin's user administration). */
import { z } from "zod";
import { type TUserRole, ZUserRoleSchema } from "./enums";

/** Each role can do what the roles below it can: viewer < analyst < adjudicator < admin. */
export const USER_ROLE_RANK: Record<TUserRole, number> = {
  viewer: 0,
  analyst: 1,
  adjudicator: 2,
  admin: 3,
};

/** Does `role` include `least`? For the UI's role checks (the server's are packages/api's). */
export function roleAtLeast(role: TUserRole, least: TUserRole): boolean {
  return USER_ROLE_RANK[role] >= USER_ROLE_RANK[least];
}

const name = z
  .string()
  .trim()
  .min(1, "Give a name (shown next to this person's annotations)")
  .max(200);

/** Compared and stored lowercased, like packages/db's createAccount. */
const email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email("Give a valid email address, e.g. ana@example.org"));

/** The minimum length is checked by packages/auth (one rule, shared with better-auth's own). */
const password = z.string().min(1, "Choose a password").max(256);

/** auth.setup — the first admin account, only while no account exists. */
export const ZAuthSetupInputSchema = z.object({ name, email, password });
export type TAuthSetupInput = z.input<typeof ZAuthSetupInputSchema>;

/** users.create — an account with a role; the admin passes the password on to its owner. */
export const ZUserCreateInputSchema = z.object({ name, email, password, role: ZUserRoleSchema });
export type TUserCreateInput = z.input<typeof ZUserCreateInputSchema>;

/** users.update — role, disabled state and/or name. Disabling signs the user out everywhere. */
export const ZUserUpdateInputSchema = z
  .object({
    id: z.number().int().positive(),
    role: ZUserRoleSchema.optional(),
    disabled: z.boolean().optional(),
    name: name.optional(),
  })
  .refine((v) => v.role !== undefined || v.disabled !== undefined || v.name !== undefined, {
    message: "Change at least one of role, disabled or name",
  });
export type TUserUpdateInput = z.input<typeof ZUserUpdateInputSchema>;

/** users.revokeSessions — signs one user out of every browser. */
export const ZUserIdInputSchema = z.object({ userId: z.number().int().positive() });
export type TUserIdInput = z.infer<typeof ZUserIdInputSchema>;
