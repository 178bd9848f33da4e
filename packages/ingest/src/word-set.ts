/** Word lists written as whitespace-separated text, compiled once into Sets. */

/** `wordSet("say says said")` → Set { "say", "says", "said" }. */
export function wordSet(words: string): ReadonlySet<string> {
  return new Set(words.split(/\s+/).filter((w) => w.length > 0));
}
