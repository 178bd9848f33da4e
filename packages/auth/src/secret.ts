/** The key that signs session cookies: BETTER_AUTH_SECRET if set, else a random one generated on
 * first run and kept beside the database (mode 0600), so there is no shared default secret. */
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";

export function loadAuthSecret(dbPath: string, env = process.env): string {
  const fromEnv = env.BETTER_AUTH_SECRET;
  if (fromEnv) {
    if (fromEnv.length < 32) throw new Error("BETTER_AUTH_SECRET must be at least 32 characters.");
    return fromEnv;
  }
  if (dbPath === ":memory:") return randomBytes(32).toString("base64url");
  const file = `${dbPath}.auth-secret`;
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  const secret = randomBytes(32).toString("base64url");
  // "wx": if another process created it meanwhile, fail and read theirs instead.
  try {
    writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: "wx" });
    return secret;
  } catch {
    return readFileSync(file, "utf8").trim();
  }
}
