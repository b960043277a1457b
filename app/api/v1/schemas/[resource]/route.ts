import { errorResponse, respondDocument } from "@/lib/opendata/http";
import { RESOURCE_NAMES, resourceTableSchema, type ResourceName } from "@/lib/opendata/resources";

export const dynamic = "force-dynamic";

/** The Table Schema (frictionless) of a resource's CSV form: /api/v1/schemas/actions.json. */
export async function GET(request: Request, { params }: { params: Promise<{ resource: string }> }) {
  const name = (await params).resource.replace(/\.json$/, "");
  if (!(RESOURCE_NAMES as readonly string[]).includes(name)) {
    return errorResponse(404, `Ressource inconnue. Ressources : ${RESOURCE_NAMES.join(", ")}.`, [{ parameter: "resource", message: `« ${name.slice(0, 100)} » inconnue.` }]);
  }
  return respondDocument(request, resourceTableSchema(name as ResourceName));
}
