import { errorResponse } from "@/lib/opendata/http";
import { OPENAPI_PATH } from "@/lib/opendata/openapi";

// Any address under /api/v1/ that no route serves: the API's JSON error (404), not the site's HTML page.
export const dynamic = "force-dynamic";

function notFound() {
  return errorResponse(404, `Adresse inconnue de l'API. Les adresses disponibles sont décrites dans ${OPENAPI_PATH}.`);
}

export const GET = notFound;
export const HEAD = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
