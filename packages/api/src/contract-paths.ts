import { fileURLToPath } from "node:url";

export const contractPaths = {
  contract: fileURLToPath(new URL("../../../docs/api-contract.md", import.meta.url)),
  notes: fileURLToPath(new URL("../../../docs/api-contract.notes.md", import.meta.url)),
};
