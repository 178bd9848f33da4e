/** GET /api/schema/claimdesk-claim.v1.schema.json: the canonical export line's JSON Schema. */
import { CANONICAL_SCHEMA_FILE, canonicalJsonSchema } from "@claimdesk/export";

export const dynamic = "force-static";

export function generateStaticParams() {
  return [{ name: CANONICAL_SCHEMA_FILE }];
}

export async function GET(
  _request: Request,
  { params }: { params: Promise<{ name: string }> },
): Promise<Response> {
  const { name } = await params;
  if (name !== CANONICAL_SCHEMA_FILE)
    return Response.json({ error: `No schema named ${name}` }, { status: 404 });
  return Response.json(canonicalJsonSchema(), {
    headers: { "content-type": "application/schema+json; charset=utf-8" },
  });
}
