"use client";

import { useEffect, useRef, useState } from "react";
import type { ImportFormState, ImportStep } from "@/lib/spreadsheet/import-state";
import { IMPORT_IDLE } from "@/lib/spreadsheet/import-state";
import { MAX_ROWS, formatLimit } from "@/lib/spreadsheet/limits";
import { ChangesTable, CountsTable, ErrorsTable } from "./import-results";
import { sendImportStep, type Upload, type UploadProgress } from "./upload";

type Phase = { step: ImportStep; stage: "upload" | "server" } | null;

const megabytes = (bytes: number) => `${new Intl.NumberFormat("fr-FR", { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(bytes / 1024 / 1024)}\u00a0Mo`;
const plural = (n: number, one: string, many: string) => `${new Intl.NumberFormat("fr-FR").format(n)} ${n > 1 ? many : one}`;

/** What the progress area says, per step and stage (also announced to screen readers). */
function phaseLabel(phase: NonNullable<Phase>) {
  if (phase.stage === "upload") return `Étape 1 sur 2 : envoi du fichier${phase.step === "application" ? " à appliquer" : ""}…`;
  return phase.step === "apercu" ? "Étape 2 sur 2 : analyse du fichier… (lecture, contrôle de chaque ligne, calcul des changements)" : "Étape 2 sur 2 : application de l'import… (écriture de tous les changements, en une fois)";
}

function resultAnnouncement(state: ImportFormState) {
  if (state.status === "preview" && state.summary) {
    const t = state.summary.totals;
    return `${state.message ? `${state.message} ` : ""}Aperçu prêt : ${plural(t.created, "création", "créations")}, ${plural(t.updated, "modification", "modifications")}, ${plural(t.unchanged, "ligne inchangée", "lignes inchangées")}. Rien n'a encore été écrit.`;
  }
  return state.message ?? "";
}

/** Upload → preview (counts, changes, every error) → apply. The browser keeps the file between the two steps. */
export function ImportPanel({ departmentCode, maxBytes, maxLabel, exportHref }: { departmentCode: string; maxBytes: number; maxLabel: string; exportHref: string }) {
  const [file, setFile] = useState<File | null>(null);
  const [state, setState] = useState<ImportFormState>(IMPORT_IDLE);
  const [phase, setPhase] = useState<Phase>(null);
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const upload = useRef<Upload | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const pending = phase !== null;

  // Keyboard and screen-reader users land on the result once it is there.
  useEffect(() => {
    if (state.status !== "idle") resultHeading.current?.focus();
  }, [state]);

  async function run(step: ImportStep) {
    if (!file) {
      setState({ status: "error", message: "Choisissez un fichier XLSX ou CSV." });
      return;
    }
    if (file.size > maxBytes) {
      setState({ status: "error", message: `Le fichier « ${file.name} » pèse ${megabytes(file.size)} : la taille maximale est de ${maxLabel}. Rien n'a été envoyé.` });
      return;
    }
    setPhase({ step, stage: "upload" });
    setProgress({ loaded: 0, total: file.size });
    // The apply sends back what the preview returned: the file's and the changes' fingerprints.
    const expected = step === "application" ? { fileHash: state.summary?.fileHash ?? "", planHash: state.summary?.planHash ?? "" } : { fileHash: "", planHash: "" };
    upload.current = sendImportStep(departmentCode, step, file, expected, {
      progress: setProgress,
      uploaded: () => setPhase({ step, stage: "server" }),
    });
    const result = await upload.current.done;
    upload.current = null;
    setPhase(null);
    setProgress(null);
    setState(result);
    if (result.status === "applied") {
      // Applying the same file twice would create its new rows twice: the next import starts from a new file.
      setFile(null);
      if (input.current) input.current.value = "";
    }
  }

  const summary = state.summary;
  const percent = progress && progress.total > 0 ? Math.min(100, Math.round((progress.loaded / progress.total) * 100)) : 0;

  return (
    <div className="space-y-5">
      <form
        className="space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          void run("apercu");
        }}
      >
        <div>
          <label htmlFor="fichier" className="block font-medium">
            Fichier à importer
          </label>
          <p id="fichier-aide" className="text-sm text-slate-700">
            Formats acceptés : .xlsx (le classeur exporté) ou .csv (une table, UTF-8, Windows-1252 ou UTF-16, séparateur point-virgule ou virgule). Taille maximale : {maxLabel} ; {formatLimit(MAX_ROWS)} lignes par onglet.
          </p>
          <input
            ref={input}
            id="fichier"
            name="fichier"
            type="file"
            required
            disabled={pending}
            accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-describedby="fichier-aide"
            onChange={(e) => {
              setFile(e.currentTarget.files?.[0] ?? null);
              // A new file: the previous preview no longer applies.
              setState(IMPORT_IDLE);
            }}
            className="mt-2 block w-full max-w-xl rounded border border-slate-400 bg-white p-2 text-sm file:mr-3 file:rounded file:border-0 file:bg-marianne-light file:px-3 file:py-1 file:font-medium file:text-marianne"
          />
        </div>
        <button type="submit" disabled={pending} className="rounded bg-marianne px-4 py-2 font-medium text-white hover:bg-blue-900 disabled:opacity-60">
          Prévisualiser l&apos;import
        </button>
      </form>

      <div role="status" aria-live="polite" className="sr-only">
        {phase ? phaseLabel(phase) : resultAnnouncement(state)}
      </div>

      {phase ? (
        <div className="space-y-2 rounded border border-slate-300 bg-slate-50 p-4">
          <p id="import-progression" className="flex items-center gap-2 font-medium">
            {phase.stage === "server" ? <Spinner /> : null}
            {phaseLabel(phase)}
          </p>
          {phase.stage === "upload" ? (
            <>
              <progress aria-labelledby="import-progression" value={percent} max={100} className="h-3 w-full max-w-md accent-marianne" />
              <p className="tabular text-sm text-slate-700">
                {percent} % — {megabytes(progress?.loaded ?? 0)} sur {megabytes(progress?.total ?? 0)}
              </p>
              <button type="button" onClick={() => upload.current?.abort()} className="rounded border border-slate-400 bg-white px-3 py-1 text-sm hover:bg-slate-100">
                Annuler l&apos;envoi
              </button>
            </>
          ) : (
            <>
              <progress aria-labelledby="import-progression" className="h-3 w-full max-w-md accent-marianne" />
              <p className="text-sm text-slate-700">
                {phase.step === "apercu"
                  ? "Quelques secondes pour un fichier de 10 000 lignes. Rien n'est écrit à cette étape."
                  : "Tout est écrit d'un coup, ou rien en cas d'erreur. Ne fermez pas la page."}
              </p>
            </>
          )}
        </div>
      ) : null}

      <div aria-busy={pending} className="space-y-4">
        {state.status === "error" || (state.status === "idle" && state.message) ? (
          <div className="space-y-3">
            <h3 ref={resultHeading} tabIndex={-1} className={`rounded border-l-4 p-3 text-base font-semibold ${state.status === "error" ? "border-red-700 bg-red-50 text-red-900" : "border-slate-500 bg-slate-50"}`}>
              {state.message}
            </h3>
            {state.filename ? <p className="text-sm text-slate-700">Fichier : {state.filename}</p> : null}
            <Notices notices={state.notices} />
            {state.errors?.length ? <ErrorsTable errors={state.errors} errorCount={state.errorCount} /> : null}
          </div>
        ) : null}

        {summary && (state.status === "preview" || state.status === "applied") ? (
          <section aria-labelledby="import-resultat" className="space-y-4">
            <h3 id="import-resultat" ref={resultHeading} tabIndex={-1} className="text-lg font-semibold">
              {state.status === "applied" ? "Import appliqué" : "Aperçu de l'import"} : {plural(summary.totals.created, "création", "créations")}, {plural(summary.totals.updated, "modification", "modifications")},{" "}
              {plural(summary.totals.unchanged, "ligne inchangée", "lignes inchangées")}
            </h3>
            {state.status === "preview" && state.message ? <p className="rounded border-l-4 border-red-700 bg-red-50 p-3 font-semibold text-red-900">{state.message}</p> : null}
            {state.status === "applied" ? (
              <p className="rounded border-l-4 border-green-700 bg-green-50 p-3 text-green-900">
                {summary.totals.created + summary.totals.updated > 0
                  ? "Les changements sont enregistrés, chacun avec sa trace dans l'historique. Les tableaux de bord et la page publique sont à jour."
                  : state.message}
              </p>
            ) : null}
            {state.status === "applied" && summary.totals.created > 0 ? (
              <p className="text-sm">
                Pour continuer à travailler, <a href={exportHref} download className="text-marianne underline">téléchargez le classeur à jour</a> : les lignes créées y ont maintenant leur référence ou leur identifiant (réimporter l&apos;ancien fichier les créerait une seconde fois).
              </p>
            ) : null}
            <p className="text-sm text-slate-700">
              {state.filename} ({summary.format.toUpperCase()}) — {summary.sheets.length > 1 ? "onglets lus" : "table lue"} : {summary.sheets.join(", ")}.
            </p>
            <Notices notices={state.notices} />
            {summary.warning && state.status === "preview" ? <p className="rounded border-l-4 border-amber-600 bg-amber-50 p-3 text-amber-950">{summary.warning}</p> : null}
            <CountsTable summary={summary} applied={state.status === "applied"} />
            {state.status === "preview" ? (
              summary.changes.length > 0 ? (
                <div className="space-y-2 rounded border border-green-800 bg-green-50 p-4">
                  <p>Rien n&apos;est écrit tant que vous n&apos;avez pas appliqué l&apos;import. Tout est appliqué d&apos;un coup, ou rien en cas de problème.</p>
                  <button type="button" disabled={pending} onClick={() => void run("application")} className="rounded bg-green-800 px-4 py-2 font-medium text-white hover:bg-green-900 disabled:opacity-60">
                    Appliquer {plural(summary.totals.created + summary.totals.updated, "changement", "changements")}
                  </button>
                </div>
              ) : (
                <p className="rounded border-l-4 border-slate-500 bg-slate-50 p-3">Le fichier ne change rien aux données enregistrées : rien à appliquer.</p>
              )
            ) : null}
            {summary.changes.length > 0 ? <ChangesTable summary={summary} applied={state.status === "applied"} /> : null}
          </section>
        ) : null}
      </div>
    </div>
  );
}

/** Shows that the server is working (the indeterminate progress bar barely moves in some browsers). */
function Spinner() {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" className="h-5 w-5 shrink-0 motion-safe:animate-spin text-marianne">
      <circle cx="12" cy="12" r="9" fill="none" stroke="currentColor" strokeOpacity="0.25" strokeWidth="3" />
      <path d="M21 12a9 9 0 0 0-9-9" fill="none" stroke="currentColor" strokeWidth="3" strokeLinecap="round" />
    </svg>
  );
}

function Notices({ notices }: { notices?: string[] }) {
  if (!notices?.length) return null;
  return (
    <ul className="list-disc space-y-1 pl-6 text-sm text-slate-700" aria-label="Remarques sur la lecture du fichier">
      {notices.map((n) => (
        <li key={n}>{n}</li>
      ))}
    </ul>
  );
}
