// The browser tests drive Debian's chromium (Playwright cannot download browsers here).
// Installs it with apt-get when missing and we are root; otherwise says what to do.
import { existsSync } from "node:fs";
import { run } from "./run-steps.mjs";

export const CHROMIUM = "/usr/bin/chromium";

export async function ensureChromium() {
  if (existsSync(CHROMIUM)) return true;
  if (process.getuid?.() !== 0) {
    console.error(
      `${CHROMIUM} is missing: install Debian's chromium (sudo apt-get install -y chromium).`,
    );
    return false;
  }
  console.log("Installing Debian's chromium for the browser tests…");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  if ((await run("apt-get", ["update", "-qq"], { env })) !== 0) return false;
  await run("apt-get", ["install", "-y", "-qq", "chromium"], { env });
  return existsSync(CHROMIUM);
}
