/**
 * An offline JSON-LD document loader for `jsonld`: serves the vendored W3C Web Annotation context
 * (vendor/anno.jsonld.json, see vendor/README.md) and refuses every other URL, so expanding an
 * export never touches the network.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { RemoteDocument } from "jsonld/jsonld-spec";
import { ANNO_CONTEXT_URL } from "./formats/web-annotation";

const ANNO_PATH = fileURLToPath(new URL("../vendor/anno.jsonld.json", import.meta.url));
let annoContext: RemoteDocument["document"] | undefined;

/** The vendored context document `{ "@context": … }`. */
export function annoContextDocument(): RemoteDocument["document"] {
  annoContext ??= JSON.parse(readFileSync(ANNO_PATH, "utf8")) as RemoteDocument["document"];
  return annoContext;
}

const KNOWN = new Set([ANNO_CONTEXT_URL, "https://www.w3.org/ns/anno.jsonld"]);

export async function offlineDocumentLoader(url: string): Promise<RemoteDocument> {
  if (KNOWN.has(url)) return { documentUrl: url, document: annoContextDocument() };
  throw new Error(`offline document loader: ${url} is not vendored`);
}
