// What the import forms return to the page (client-safe).
import type { ImportError } from "@/lib/spreadsheet/parse";
import type { ImportSummary } from "@/lib/spreadsheet/service";

export type ImportFormState = {
  status: "idle" | "preview" | "applied" | "error";
  message?: string;
  errors?: ImportError[];
  notices?: string[];
  summary?: ImportSummary;
  filename?: string;
  stamp?: number;
};

export const IMPORT_IDLE: ImportFormState = { status: "idle" };
