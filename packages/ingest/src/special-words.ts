/** Words with rules of their own ("reportedly", "asked", "seems", "according to", "made clear"). */
import { wordSet } from "./word-set";

const RAISING_VERBS = wordSet("seem seems seemed appear appears appeared");
export const BE = wordSet("is are was were");
export const RAISING_ADVERBS = wordSet("widely also not still now already");
const MAKE_FORMS = wordSet("make makes made making");
const GO_FORMS = wordSet("go goes went going");

export enum Special {
  Reportedly,
  Asked,
  Raising,
  Expected,
  AccordingTo,
  Make,
  Go,
  Put,
  Known,
}

export const SPECIAL_WORDS: ReadonlyMap<string, Special> = new Map([
  ["reportedly", Special.Reportedly],
  ["asked", Special.Asked],
  ["pressed", Special.Asked],
  ...[...RAISING_VERBS].map((w) => [w, Special.Raising] as const),
  ["expected", Special.Expected],
  ["according", Special.AccordingTo],
  ...[...MAKE_FORMS].map((w) => [w, Special.Make] as const),
  ...[...GO_FORMS].map((w) => [w, Special.Go] as const),
  ["put", Special.Put],
  ["known", Special.Known],
]);
