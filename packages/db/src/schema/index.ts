export * from "./annotations";
export * from "./articles";
export * from "./audit-events";
export * from "./claims";
export * from "./import-jobs";
export * from "./propositions";
export * from "./sources";
export * from "./users";
