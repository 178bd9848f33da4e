// Types for users.mjs (plain JavaScript so serve.mjs can import it without a TypeScript loader).
export declare const E2E_PASSWORD: string;
export interface E2EUser {
  name: string;
  email: string;
  role: "admin" | "adjudicator" | "analyst" | "viewer";
}
export declare const E2E_USERS: Record<"admin" | "ana" | "ben" | "judy" | "vic", E2EUser>;
export declare function storageStatePath(key: keyof typeof E2E_USERS): string;
export declare function e2ePort(): string;
export declare function e2eDbPath(): string;
export declare const webDir: string;
export declare const repoRoot: string;
