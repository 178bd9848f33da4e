export * from "./api";
export * from "./claim-filter";
export * from "./enums";
export * from "./labels";
export * from "./spans";
export * from "./suggestion";
