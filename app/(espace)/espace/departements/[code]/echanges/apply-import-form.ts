"use server";

import { revalidatePath } from "next/cache";
import { getViewer } from "@/lib/auth/web";
import type { ImportFormState } from "@/components/spreadsheet/import-state";
import { formText } from "@/lib/forms";
import { importSpreadsheet } from "@/lib/spreadsheet/service";

/**
 * Step 2: the same file again (kept by the browser, checked by its hash), read, checked and planned
 * anew, then written in one transaction. Nothing is kept in server memory between the two steps.
 */
export async function applyImportForm(_prev: ImportFormState, formData: FormData): Promise<ImportFormState> {
  const file = formData.get("fichier");
  const code = formText(formData.get("departmentCode"));
  const expectedHash = formText(formData.get("fileHash"));
  const stamp = Date.now();
  if (!(file instanceof File) || file.size === 0 || !expectedHash) return { status: "error", message: "Relancez l'aperçu avant d'appliquer l'import.", stamp };
  const result = await importSpreadsheet(await getViewer(), code, new Uint8Array(await file.arrayBuffer()), file.name, { apply: true, expectedHash });
  if (!result.ok) return { status: "error", message: result.message, errors: result.code === "invalid" ? result.errors : undefined, filename: file.name, stamp };
  revalidatePath("/", "layout");
  const { created, updated } = result.summary.totals;
  return {
    status: "applied",
    message: result.applied ? `Import appliqué : ${created} création${created > 1 ? "s" : ""}, ${updated} modification${updated > 1 ? "s" : ""}.` : "Rien à appliquer : le fichier ne change rien.",
    summary: result.summary,
    filename: file.name,
    stamp,
  };
}
