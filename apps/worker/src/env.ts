/** The worker's environment, validated once; nothing else in the app reads process.env. */
import { z } from "zod";

const ZWorkerEnvSchema = z.object({
  /** Set by pnpm to the directory the user ran the command in (scripts run from the repo root). */
  INIT_CWD: z.string().min(1).optional(),
  /** The SQLite file; a relative path is taken from the repo root (see resolveDbPath). */
  CLAIMDESK_DB: z.string().min(1).optional(),
});

export const env = ZWorkerEnvSchema.parse(process.env);
