export * from "./api";
export * from "./claim-filter";
export * from "./enums";
export * from "./import-formats";
export * from "./labels";
export * from "./spans";
export * from "./suggestion";
