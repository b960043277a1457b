"use client";

import { toCsv, type CsvValue } from "./csv";

export function CsvDownload({ filename, header, rows, label }: { filename: string; header: string[]; rows: CsvValue[][]; label: string }) {
  const download = () => {
    const blob = new Blob([toCsv(header, rows)], { type: "text/csv;charset=utf-8" });
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
