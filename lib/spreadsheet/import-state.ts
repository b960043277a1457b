// What one import step (preview or apply) returns to the page: client-safe, JSON-safe.
import type { ImportError } from "./parse";
import type { ErrorCount, ImportSummary } from "./service";

export type ImportStep = "apercu" | "application";

export type ImportFormState = {
  status: "idle" | "preview" | "applied" | "error";
  message?: string;
  /** The first errors only; `errorCount` counts them all, per column. */
  errors?: ImportError[];
  errorCount?: ErrorCount;
  notices?: string[];
  summary?: ImportSummary;
  filename?: string;
};

export const IMPORT_IDLE: ImportFormState = { status: "idle" };
