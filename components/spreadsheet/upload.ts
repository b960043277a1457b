// Sends one import step with XMLHttpRequest: unlike fetch (and server actions), it reports the
// upload's progress, which a 5 MB file on a departmental network needs.
import type { ImportFormState, ImportStep } from "@/lib/spreadsheet/import-state";

export type UploadProgress = { loaded: number; total: number };

export type Upload = { done: Promise<ImportFormState>; abort: () => void };

const FAILED: ImportFormState = { status: "error", message: "La connexion a été interrompue : le fichier n'a pas été traité. Vérifiez votre réseau puis recommencez." };

export function sendImportStep(
  departmentCode: string,
  step: ImportStep,
  file: File,
  /** The preview's fingerprints, for the apply step. */
  expected: { fileHash: string; planHash: string },
  on: { progress: (p: UploadProgress) => void; uploaded: () => void },
): Upload {
  const xhr = new XMLHttpRequest();
  const body = new FormData();
  body.set("etape", step);
  body.set("fichier", file);
  body.set("empreinte", expected.fileHash);
  body.set("empreinte_plan", expected.planHash);
  const done = new Promise<ImportFormState>((resolve) => {
    xhr.upload.onprogress = (e) => on.progress({ loaded: e.loaded, total: e.lengthComputable ? e.total : file.size });
    xhr.upload.onload = () => on.uploaded();
    xhr.onload = () => {
      const state = xhr.response as ImportFormState | null;
      resolve(state && typeof state.status === "string" ? state : { status: "error", message: `Le serveur a répondu par une erreur (${xhr.status}) : rien n'a été importé. Réessayez dans un instant.` });
    };
    xhr.onerror = () => resolve(FAILED);
    xhr.ontimeout = () => resolve(FAILED);
    xhr.onabort = () => resolve({ status: "idle", message: "Envoi annulé : rien n'a été importé." });
  });
  xhr.open("POST", `/api/spreadsheet/${encodeURIComponent(departmentCode)}/import`);
  xhr.responseType = "json";
  xhr.send(body);
  return { done, abort: () => xhr.abort() };
}
