/**
 * Labelled enums: every value of the data model's vocabularies with its human label and
 * description, defined once. The UI, the API and the exports all read them from here.
 */
import { z } from "zod";

export interface LabelInfo {
  label: string;
  description: string;
}

/** Builds a zod enum and its label table from one ordered record, so they cannot drift apart. */
export function labelledEnum<const T extends Record<string, LabelInfo>>(table: T) {
  const values = Object.keys(table) as [keyof T & string, ...(keyof T & string)[]];
  return { schema: z.enum(values), values, labels: table };
}
