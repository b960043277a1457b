"use server";

import { getViewer } from "@/lib/auth/web";
import type { ImportFormState } from "@/components/spreadsheet/import-state";
import { formText } from "@/lib/forms";
import { importSpreadsheet } from "@/lib/spreadsheet/service";

/** Step 1: reads and checks the file, and shows what it would change. Nothing is written. */
export async function previewImportForm(_prev: ImportFormState, formData: FormData): Promise<ImportFormState> {
  const file = formData.get("fichier");
  const code = formText(formData.get("departmentCode"));
  const stamp = Date.now();
  if (!(file instanceof File) || file.size === 0) return { status: "error", message: "Choisissez un fichier XLSX ou CSV non vide.", stamp };
  const result = await importSpreadsheet(await getViewer(), code, new Uint8Array(await file.arrayBuffer()), file.name, { apply: false });
  if (!result.ok) return { status: "error", message: result.message, errors: result.code === "invalid" ? result.errors : undefined, notices: result.code === "invalid" ? result.notices : undefined, filename: file.name, stamp };
  return { status: "preview", summary: result.summary, notices: result.summary.notices, filename: file.name, stamp };
}
