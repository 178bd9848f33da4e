"use client";
/**
 * Zod 4 probes once whether it may compile parsers with `Function("")`. The CSP (no
 * 'unsafe-eval', see src/proxy.ts) refuses that, and the browser reports a violation for the
 * probe, although Zod then parses without compiling. In the browser it parses that way from the
 * start, so the only CSP violations left are real ones.
 */
import { z } from "zod";

z.config({ jitless: true });

/** Rendered once in the root layout, so this module runs in every page's browser bundle. */
export function ZodJitless(): null {
  return null;
}
