import "server-only";
// One step of the import page: the preview (nothing written) or the apply (the same file again,
// checked by its hash, read, checked and planned anew, written in one transaction only if the plan is
// the one the preview showed; otherwise the page gets the up-to-date preview at once). Nothing is kept
// in server memory between the two steps. Called by POST /api/spreadsheet/<code>/import.
import type { Viewer } from "../server/authz";
import type { ImportFormState, ImportStep } from "./import-state";
import { importSpreadsheet } from "./service";

const plural = (n: number, word: string) => `${n} ${word}${n > 1 ? "s" : ""}`;

/** Shown above the new preview when the apply found data changed since the one the user saw. */
export const PREVIEW_UPDATED = "Des données ont été modifiées depuis l'aperçu : rien n'a été écrit. L'aperçu ci-dessous est à jour : vérifiez-le, puis appliquez.";

/** `expected`: the fingerprints of the file and of the changes the preview returned (required to apply). */
export async function runImportStep(viewer: Viewer, code: string, step: ImportStep, file: File | null, expected: { fileHash: string; planHash: string }): Promise<ImportFormState> {
  if (viewer.kind !== "user") return { status: "error", message: "Votre session a expiré : reconnectez-vous puis relancez l'import. Rien n'a été importé." };
  if (!file || file.name === "") return { status: "error", message: "Choisissez un fichier XLSX ou CSV." };
  if (step === "application" && (!expected.fileHash || !expected.planHash)) return { status: "error", message: "Relancez l'aperçu avant d'appliquer l'import." };
  const buffer = new Uint8Array(await file.arrayBuffer());
  const result = await importSpreadsheet(viewer, code, buffer, file.name, {
    apply: step === "application",
    expectedHash: expected.fileHash || undefined,
    expectedPlan: expected.planHash || undefined,
  });
  if (!result.ok && result.code === "conflict" && step === "application") {
    // Rather than « relancez l'aperçu »: the preview of the same file against the data as they are now.
    const fresh = await importSpreadsheet(viewer, code, buffer, file.name, { apply: false });
    if (fresh.ok) return { status: "preview", message: PREVIEW_UPDATED, summary: fresh.summary, notices: fresh.summary.notices, filename: file.name };
  }
  if (!result.ok) {
    if (result.code === "invalid") return { status: "error", message: result.message, errors: result.errors, errorCount: result.errorCount, notices: result.notices, filename: file.name };
    return { status: "error", message: result.message, filename: file.name };
  }
  const { summary } = result;
  if (step === "apercu") return { status: "preview", summary, notices: summary.notices, filename: file.name };
  const { created, updated } = summary.totals;
  return {
    status: "applied",
    message: result.applied ? `Import appliqué : ${plural(created, "création")}, ${plural(updated, "modification")}.` : "Rien à appliquer : le fichier ne change rien.",
    summary,
    filename: file.name,
  };
}
