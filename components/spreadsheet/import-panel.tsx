"use client";

import { useActionState, useState } from "react";
import { IMPORT_IDLE, type ImportFormState } from "./import-state";

type ServerAction = (prev: ImportFormState, data: FormData) => Promise<ImportFormState>;

const plural = (n: number, word: string) => `${n} ${word}${n > 1 ? "s" : ""}`;

/** Upload → preview (counts, changes, every error) → apply. The browser keeps the file between the two steps. */
export function ImportPanel({ departmentCode, preview, apply }: { departmentCode: string; preview: ServerAction; apply: ServerAction }) {
  const [previewState, previewAction, previewing] = useActionState(preview, IMPORT_IDLE);
  const [applyState, applyAction, applying] = useActionState(apply, IMPORT_IDLE);
  const [file, setFile] = useState<File | null>(null);
  const pending = previewing || applying;
  // The latest answer wins: an apply shown after its preview, a new preview after an apply.
  const state = (applyState.stamp ?? 0) > (previewState.stamp ?? 0) ? applyState : previewState;
  const summary = state.summary;

  return (
    <div className="space-y-4">
      <form action={previewAction} className="space-y-3">
        <input type="hidden" name="departmentCode" value={departmentCode} />
        <div>
          <label htmlFor="fichier" className="block font-medium">
            Fichier à importer
          </label>
          <p id="fichier-aide" className="text-sm text-slate-700">
            .xlsx ou .csv (UTF-8 ou Windows-1252, séparateur virgule ou point-virgule).
          </p>
          <input
            id="fichier"
            name="fichier"
            type="file"
            required
            accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-describedby="fichier-aide"
            onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)}
            className="mt-1 block"
          />
        </div>
        <button type="submit" disabled={pending} className="rounded bg-marianne px-4 py-2 font-medium text-white hover:bg-blue-900 disabled:opacity-60">
          Prévisualiser l&apos;import
        </button>
      </form>

      <div role="status" aria-live="polite">
        {pending ? (
          <p className="flex items-center gap-3">
            <progress aria-label={previewing ? "Analyse du fichier" : "Application de l'import"} className="w-48" />
            {previewing ? "Analyse du fichier en cours…" : "Application de l'import en cours…"}
          </p>
        ) : state.message ? (
          <p className={`rounded border-l-4 p-3 ${state.status === "error" ? "border-red-700 bg-red-50 text-red-900" : "border-green-700 bg-green-50 text-green-900"}`}>{state.message}</p>
        ) : null}
      </div>

      {state.notices?.length ? (
        <ul className="list-disc pl-6 text-sm text-slate-700">
          {state.notices.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      ) : null}

      {state.errors?.length ? <ErrorsTable errors={state.errors} /> : null}

      {summary && state.status !== "error" ? (
        <section aria-labelledby="apercu" className="space-y-3">
          <h3 id="apercu" className="text-lg font-semibold">
            {state.status === "applied" ? "Import appliqué" : "Aperçu"} : {plural(summary.totals.created, "création")}, {plural(summary.totals.updated, "modification")},{" "}
            {summary.totals.unchanged} inchangée{summary.totals.unchanged > 1 ? "s" : ""}
          </h3>
          <p className="text-sm text-slate-700">
            {state.filename} ({summary.format.toUpperCase()}) — onglets lus : {summary.sheets.join(", ")}.
          </p>
          {summary.changes.length > 0 ? <ChangesTable summary={summary} /> : null}
          {state.status === "preview" && summary.changes.length > 0 ? (
            <form
              action={(data) => {
                if (file) data.set("fichier", file);
                applyAction(data);
              }}
            >
              <input type="hidden" name="departmentCode" value={departmentCode} />
              <input type="hidden" name="fileHash" value={summary.fileHash} />
              <button type="submit" disabled={pending || !file} className="rounded bg-green-800 px-4 py-2 font-medium text-white hover:bg-green-900 disabled:opacity-60">
                Appliquer
              </button>
            </form>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}

function ErrorsTable({ errors }: { errors: NonNullable<ImportFormState["errors"]> }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-sm">
        <caption className="text-left font-semibold text-red-900">Erreurs à corriger ({errors.length})</caption>
        <thead>
          <tr className="border-b border-slate-300 text-left">
            <th scope="col" className="px-2 py-1">Onglet</th>
            <th scope="col" className="px-2 py-1">Ligne</th>
            <th scope="col" className="px-2 py-1">Colonne</th>
            <th scope="col" className="px-2 py-1">Message</th>
          </tr>
        </thead>
        <tbody>
          {errors.slice(0, 500).map((e, i) => (
            <tr key={i} className="border-b border-slate-100">
              <td className="px-2 py-1">{e.sheet ?? "Fichier"}</td>
              <td className="tabular px-2 py-1">{e.line ?? "—"}</td>
              <td className="px-2 py-1">{e.column ?? "—"}</td>
              <td className="px-2 py-1">{e.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {errors.length > 500 ? <p className="text-sm">… et {errors.length - 500} autres erreurs.</p> : null}
    </div>
  );
}

function ChangesTable({ summary }: { summary: NonNullable<ImportFormState["summary"]> }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-sm">
        <caption className="sr-only">Changements que l&apos;import apporte</caption>
        <thead>
          <tr className="border-b border-slate-300 text-left">
            <th scope="col" className="px-2 py-1">Onglet</th>
            <th scope="col" className="px-2 py-1">Ligne</th>
            <th scope="col" className="px-2 py-1">Changement</th>
            <th scope="col" className="px-2 py-1">Élément</th>
            <th scope="col" className="px-2 py-1">Détail</th>
          </tr>
        </thead>
        <tbody>
          {summary.changes.map((c) => (
            <tr key={`${c.sheet}-${c.line}`} className="border-b border-slate-100 align-top">
              <td className="px-2 py-1">{c.sheet}</td>
              <td className="tabular px-2 py-1">{c.line}</td>
              <td className="px-2 py-1">{c.kind === "create" ? "Création" : "Modification"}</td>
              <td className="px-2 py-1">{c.label}</td>
              <td className="px-2 py-1">
                <ul>
                  {c.fields.map((f) => (
                    <li key={f.column}>
                      {f.column} : {c.kind === "update" ? `${f.before || "(vide)"} → ` : ""}
                      {f.after || "(vide)"}
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {summary.unlistedChanges > 0 ? <p className="text-sm">… et {summary.unlistedChanges} autres changements.</p> : null}
    </div>
  );
}
