/** Inter-annotator agreement statistics: pure functions, no I/O. */
export * from "./kappa";
export * from "./krippendorff";
export * from "./spans";
