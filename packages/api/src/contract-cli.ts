/** `pnpm api:contract`: rewrites docs/api-contract.md from the router (see contract.ts). */
import { readFileSync, writeFileSync } from "node:fs";
import { renderApiContract } from "./contract";
import { contractPaths } from "./contract-paths";

writeFileSync(contractPaths.contract, renderApiContract(readFileSync(contractPaths.notes, "utf8")));
console.log(`wrote ${contractPaths.contract}`);
