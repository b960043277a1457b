"use client";

import { writeCsv, type CsvCell } from "@/lib/core/csv";

/** The file behind a chart's "Télécharger les données (CSV)": open-data CSV, formula-like text defused. */
export function chartTableCsv(header: string[], rows: CsvCell[][]): string {
  return writeCsv([header, ...rows]);
}

export function CsvDownload({ filename, header, rows, label }: { filename: string; header: string[]; rows: CsvCell[][]; label: string }) {
  const download = () => {
    const blob = new Blob([chartTableCsv(header, rows)], { type: "text/csv;charset=utf-8" });
    const url = URL.createObjectURL(blob);
    const link = document.createElement("a");
    link.href = url;
    link.download = filename;
    link.click();
    URL.revokeObjectURL(url);
  };
  return (
    <button type="button" onClick={download} className="rounded border border-marianne px-3 py-1 text-sm text-marianne hover:bg-marianne-light">
      Télécharger les données (CSV)<span className="sr-only"> : {label}</span>
    </button>
  );
}
