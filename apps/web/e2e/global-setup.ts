/** Signs every test user in once through better-auth's real endpoint and saves the browser state,
 * so specs start signed in (as Ana by default, see playwright.config.ts). */
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { type FullConfig, request } from "@playwright/test";
import { E2E_PASSWORD, E2E_USERS, storageStatePath } from "./users.mjs";

export default async function globalSetup(config: FullConfig): Promise<void> {
  const baseURL = config.projects[0]?.use.baseURL;
  if (!baseURL) throw new Error("playwright.config.ts sets no baseURL");
  for (const key of Object.keys(E2E_USERS) as (keyof typeof E2E_USERS)[]) {
    const user = E2E_USERS[key];
    const context = await request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL } });
    const res = await context.post("/api/auth/sign-in/email", {
      data: { email: user.email, password: E2E_PASSWORD },
    });
    if (!res.ok())
      throw new Error(`Signing in ${user.email} failed: ${res.status()} ${await res.text()}`);
    const path = storageStatePath(key);
    mkdirSync(dirname(path), { recursive: true });
    await context.storageState({ path });
    await context.dispose();
  }
}
