import { getViewer } from "@/lib/auth/web";
import { answerOutage } from "@/lib/health/outage";
import { formText } from "@/lib/forms";
import { isSameOrigin, trustedProxyHops } from "@/lib/http/trusted-proxy";
import type { ImportFormState } from "@/lib/spreadsheet/import-state";
import { runImportStep } from "@/lib/spreadsheet/import-step";
import { MAX_FILE_BYTES, MAX_FILE_LABEL } from "@/lib/spreadsheet/template";

export const dynamic = "force-dynamic";

/** Room for the multipart envelope around a file of the maximum size. */
const MAX_BODY_BYTES = MAX_FILE_BYTES + 64 * 1024;

const answer = (state: ImportFormState, status = 200) => Response.json(state, { status, headers: { "Cache-Control": "no-store" } });

/**
 * Only the app's own pages may post here (the session cookie is SameSite=Lax; this closes same-site
 * origins too): Origin against the host the visitor asked for, X-Forwarded-Host counting only when
 * TRUSTED_PROXY_HOPS says a proxy wrote it (lib/http/trusted-proxy.ts).
 */
function fromThisSite(request: Request): boolean {
  return isSameOrigin(request.headers, trustedProxyHops());
}

/**
 * POST /api/spreadsheet/77/import, multipart: `fichier`, `etape` (apercu | application), and for the
 * apply step `empreinte` and `empreinte_plan` (the file's and the changes' SHA-256 the preview returned). A route handler rather than a server action
 * so that the page can show the upload's progress (XMLHttpRequest upload events).
 */
async function post(request: Request, { params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  if (!fromThisSite(request)) return answer({ status: "error", message: "Requête refusée : elle ne vient pas d'une page de Tripartite." }, 403);
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) {
    return answer({ status: "error", message: `Le fichier dépasse la taille maximale de ${MAX_FILE_LABEL}. Rien n'a été importé.` }, 413);
  }
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return answer({ status: "error", message: "Envoi illisible : choisissez à nouveau le fichier puis recommencez." }, 400);
  }
  const file = form.get("fichier");
  const step = form.get("etape") === "application" ? "application" : "apercu";
  const state = await runImportStep(await getViewer(), code, step, file instanceof File ? file : null, {
    fileHash: formText(form.get("empreinte")),
    planHash: formText(form.get("empreinte_plan")),
  });
  return answer(state);
}

export const POST = answerOutage(post);
