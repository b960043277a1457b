// The spreadsheet template of a department's contract, in one place: sheets, columns, French headers,
// and how each column is written and read. Export, parsing, validation and the "Lisez-moi" sheet all
// follow these definitions, so a file exported here re-imports unchanged. Client-safe (no data access).
import { ACTION_STATUSES, ACTION_STATUS_LABELS } from "../actions/schemas";
import { FUNDERS, FUNDER_LABELS, FUNDING_STAGES, STAGE_LABELS } from "../funding/schemas";
import { MAX_FILE_LABEL } from "./limits";

export const SHEET_KEYS = ["actions", "funding", "indicators"] as const;
export type SheetKey = (typeof SHEET_KEYS)[number];

/** How a column is written (number formats in XLSX) and read back. */
export type ColumnType = "text" | "date" | "money" | "integer" | "decimal";

export type ColumnDef = {
  key: string;
  header: string;
  type: ColumnType;
  width: number;
  /** What the "Lisez-moi" sheet says about it. */
  help: string;
  /** Shown for reading only; ignored on import (may be absent). */
  readOnly?: boolean;
};

export type SheetDef = { key: SheetKey; name: string; slug: string; columns: ColumnDef[] };

export const README_SHEET = "Lisez-moi";
/** The exported workbook's author: a workbook by this author has its creation date read back as the export's instant. */
export const EXPORT_CREATOR = "Tripartite";
export { MAX_FILE_BYTES, MAX_FILE_LABEL } from "./limits";

const DEPARTMENT: ColumnDef = { key: "departement", header: "Département", type: "text", width: 13, help: "Code du département du contrat (ex. 77). Doit être celui de l'espace dans lequel vous importez." };

export const SHEETS: Record<SheetKey, SheetDef> = {
  actions: {
    key: "actions",
    name: "Fiches action",
    slug: "fiches-action",
    columns: [
      DEPARTMENT,
      { key: "reference", header: "Référence", type: "text", width: 11, help: "Identifiant stable de la fiche (FA-01…). Laissez vide pour créer une nouvelle fiche : elle reçoit le numéro suivant." },
      { key: "title", header: "Intitulé", type: "text", width: 40, help: "Obligatoire, 3 à 200 caractères." },
      { key: "objective", header: "Objectif", type: "text", width: 10, help: "Code de l'objectif retenu par le contrat (ex. O1), ou vide." },
      { key: "purpose", header: "Finalité", type: "text", width: 40, help: "Texte libre, 2 000 caractères au plus." },
      { key: "targetPublic", header: "Public visé", type: "text", width: 25, help: "Une population, jamais une personne." },
      { key: "lead", header: "Pilote", type: "text", width: 25, help: "Organisation ou service pilote." },
      { key: "partners", header: "Partenaires", type: "text", width: 25, help: "Organisations partenaires." },
      { key: "startDate", header: "Date de début", type: "date", width: 13, help: "JJ/MM/AAAA (ou AAAA-MM-JJ)." },
      { key: "endDate", header: "Date de fin", type: "date", width: 13, help: "JJ/MM/AAAA (ou AAAA-MM-JJ), après la date de début." },
      { key: "status", header: "Statut", type: "text", width: 14, help: `L'un de : ${ACTION_STATUSES.map((s) => ACTION_STATUS_LABELS[s]).join(", ")}.` },
      { key: "progress", header: "Avancement (%)", type: "integer", width: 14, help: "Nombre entier de 0 à 100 (100 pour une fiche réalisée, 0 pour une fiche non démarrée)." },
    ],
  },
  funding: {
    key: "funding",
    name: "Financements",
    slug: "financements",
    columns: [
      DEPARTMENT,
      { key: "id", header: "Identifiant", type: "text", width: 28, help: "Identifiant technique de la ligne : ne le modifiez pas. Laissez vide pour ajouter une ligne." },
      { key: "action", header: "Fiche action", type: "text", width: 12, help: "Référence de la fiche (FA-01…), ou vide pour une ligne au niveau du contrat." },
      { key: "funder", header: "Financeur", type: "text", width: 26, help: `L'un de : ${FUNDERS.map((f) => FUNDER_LABELS[f]).join(", ")}.` },
      { key: "year", header: "Année", type: "integer", width: 8, help: "Année comprise dans la période du contrat." },
      { key: "stage", header: "Étape", type: "text", width: 10, help: `L'une de : ${FUNDING_STAGES.map((s) => STAGE_LABELS[s]).join(", ")}.` },
      { key: "amount", header: "Montant (€)", type: "money", width: 16, help: "En euros, deux décimales au plus : 1 234,56 ou 1234.56. Supérieur à 0 €." },
    ],
  },
  indicators: {
    key: "indicators",
    name: "Indicateurs",
    slug: "indicateurs",
    columns: [
      DEPARTMENT,
      { key: "indicator", header: "Indicateur", type: "text", width: 11, help: "Code de l'indicateur (ex. O1-I1) : ne le modifiez pas." },
      { key: "label", header: "Libellé", type: "text", width: 50, help: "Pour information : ignoré à l'import.", readOnly: true },
      { key: "unit", header: "Unité", type: "text", width: 9, help: "Pour information : ignoré à l'import.", readOnly: true },
      { key: "year", header: "Année", type: "integer", width: 8, help: "Année comprise dans la période du contrat." },
      { key: "baseline", header: "Valeur de référence", type: "decimal", width: 18, help: "Nombre (12,5 ou 12.5), ou vide. Jalon : 1 (oui) ou 0 (non)." },
      { key: "target", header: "Cible", type: "decimal", width: 12, help: "Nombre, ou vide." },
      { key: "actual", header: "Réalisé", type: "decimal", width: 12, help: "Nombre, ou vide." },
    ],
  },
};

/** Header text compared loosely: case, accents and spacing do not matter. */
export function normalizeLabel(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9%€]+/g, " ")
    .trim();
}

export function columnByHeader(sheet: SheetKey, header: string): ColumnDef | undefined {
  const wanted = normalizeLabel(header);
  return SHEETS[sheet].columns.find((c) => normalizeLabel(c.header) === wanted || c.key.toLowerCase() === wanted);
}

function enumReader<T extends string>(values: readonly T[], labels: Record<T, string>) {
  const byText = new Map<string, T>();
  for (const v of values) {
    byText.set(normalizeLabel(v), v);
    byText.set(normalizeLabel(labels[v]), v);
  }
  // A file repeats the same few labels thousands of times: each distinct text is normalised once.
  const seen = new Map<string, T | null>();
  return (text: string): T | null => {
    let found = seen.get(text);
    if (found === undefined) {
      found = byText.get(normalizeLabel(text)) ?? null;
      if (seen.size < 1000) seen.set(text, found);
    }
    return found;
  };
}

/** French label or code → code (null when unknown). */
export const readStatus = enumReader(ACTION_STATUSES, ACTION_STATUS_LABELS);
export const readFunder = enumReader(FUNDERS, FUNDER_LABELS);
export const readStage = enumReader(FUNDING_STAGES, STAGE_LABELS);

/** The one formula rule (lib/core/csv.ts), under the names the import side reads it by. */
export { defuseFormula as neutralizeFormula, undefuseFormula as unneutralize } from "../core/csv";

/**
 * The lines of the "Lisez-moi" sheet: headings alone in column A, labels in A with their text in B.
 * `exportedOn`: the export's date and time as the reader reads it (« 6 décembre 2026 à 09 h 15 »).
 */
export function readmeLines(departmentCode: string, departmentName: string, contractLabel: string, exportedOn?: string): string[][] {
  const lines: string[][] = [
    ["Modèle d'import / export Tripartite"],
    ["Département", departmentCode],
    ["Nom", departmentName],
    ["Contrat", contractLabel],
    ...(exportedOn ? [["Exporté le", exportedOn]] : []),
    [],
    ["Principe"],
    ["", "Modifiez les lignes puis importez le fichier dans l'onglet « Import / export » de l'espace du département : un aperçu montre chaque création et modification avant toute écriture, puis tout est appliqué d'un coup ou rien. Une ligne enregistrée dans Tripartite après l'export de ce classeur y est signalée : le fichier la remplacerait."],
    ["", "Les lignes sont reconnues par leur identifiant stable : la référence de la fiche action, l'identifiant de la ligne de financement, le couple indicateur et année. Une ligne absente du fichier n'est jamais supprimée."],
    ["", "Les cellules contenant une formule sont refusées : saisissez des valeurs. Un texte commençant par =, +, -, @, une tabulation ou un retour chariot est enregistré tel quel, et toujours précédé d'une apostrophe à l'export pour qu'aucun tableur ne l'exécute."],
    ["", "Fichiers CSV : une table par fichier. À l'export, point-virgule, virgule décimale et dates JJ/MM/AAAA (le format du tableur en français). À l'import, UTF-8, Windows-1252 (Latin-1) ou UTF-16 avec BOM, séparateur point-virgule ou virgule, décimales 1 234,56 ou 1234.56, dates JJ/MM/AAAA ou AAAA-MM-JJ. Taille maximale : " + MAX_FILE_LABEL + "."],
  ];
  for (const key of SHEET_KEYS) {
    const sheet = SHEETS[key];
    lines.push([], [`Onglet « ${sheet.name} »`]);
    for (const c of sheet.columns) lines.push([c.header, c.help]);
  }
  return lines;
}
