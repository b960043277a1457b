import Link from "next/link";
import { Provenance } from "@/components/ui/provenance";
import { FUNDERS, FUNDER_LABELS, STAGE_LABELS, type Funder, type FundingLineRow } from "@/lib/funding/schemas";
import { formatEuros } from "@/lib/core/format";
import { TableScroll } from "@/components/ui/table-scroll";

const selectClass = "mt-1 block rounded border border-slate-400 bg-white px-3 py-2";

/** The ledger's lines, filtered by year and funder through the address (works without JavaScript). */
export function LedgerLinesTable({
  code,
  lines,
  years,
  filter,
  canEdit,
}: {
  code: string;
  lines: FundingLineRow[];
  years: number[];
  filter: { year: number | null; funder: Funder | null };
  canEdit: boolean;
}) {
  const base = `/espace/departements/${code}/financements`;
  const filtered = filter.year !== null || filter.funder !== null;
  return (
    <section aria-labelledby="lignes" className="space-y-3">
      <h2 id="lignes" className="text-xl font-semibold">
        Lignes du plan de financement
      </h2>
      <p className="text-slate-700">
        {lines.length} ligne{lines.length > 1 ? "s" : ""}
        {filtered ? ` affichée${lines.length > 1 ? "s" : ""} pour ce filtre` : ""}.
      </p>
      <form method="get" action={base} className="flex flex-wrap items-end gap-3" aria-label="Filtrer les lignes">
        <div>
          <label htmlFor="filtre-annee" className="block text-sm font-medium">
            Année
          </label>
          <select id="filtre-annee" name="annee" defaultValue={filter.year ?? "toutes"} className={selectClass}>
            <option value="toutes">Toutes</option>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="filtre-financeur" className="block text-sm font-medium">
            Financeur
          </label>
          <select id="filtre-financeur" name="financeur" defaultValue={filter.funder ?? ""} className={selectClass}>
            <option value="">Tous</option>
            {FUNDERS.map((f) => (
              <option key={f} value={f}>
                {FUNDER_LABELS[f]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="rounded border border-marianne px-4 py-2 text-marianne hover:bg-marianne-light">
          Filtrer
        </button>
        {filtered ? (
          <Link href={base} className="py-2 text-marianne underline">
            Voir toutes les lignes
          </Link>
        ) : null}
      </form>
      <TableScroll label="Lignes du plan de financement" className="rounded-lg border border-slate-200 bg-white">
        <table className="w-full border-collapse text-sm">
          <caption className="sr-only">
            Lignes du plan de financement{filter.year ? ` en ${filter.year}` : ""}
            {filter.funder ? ` pour ${FUNDER_LABELS[filter.funder]}` : ""}
          </caption>
          <thead>
            <tr className="border-b border-slate-300 text-left">
              <th scope="col" className="px-3 py-2">Fiche action</th>
              <th scope="col" className="px-3 py-2">Financeur</th>
              <th scope="col" className="px-3 py-2">Année</th>
              <th scope="col" className="px-3 py-2">Étape</th>
              <th scope="col" className="px-3 py-2 text-right">Montant</th>
              <th scope="col" className="px-3 py-2">Provenance</th>
              {canEdit ? (
                <th scope="col" className="px-3 py-2">
                  <span className="sr-only">Actions</span>
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {lines.length === 0 ? (
              <tr>
                <td colSpan={canEdit ? 7 : 6} className="px-3 py-2 text-slate-700">
                  Aucune ligne{filtered ? " pour ce filtre" : ""}.
                </td>
              </tr>
            ) : null}
            {lines.map((l) => (
              <tr key={l.id} className="border-b border-slate-100">
                <th scope="row" className="px-3 py-2 text-left font-normal">
                  {l.actionLabel ?? <span className="italic">Niveau du contrat</span>}
                </th>
                <td className="px-3 py-2">{FUNDER_LABELS[l.funder]}</td>
                <td className="tabular px-3 py-2">{l.year}</td>
                <td className="px-3 py-2">{STAGE_LABELS[l.stage]}</td>
                <td className="tabular whitespace-nowrap px-3 py-2 text-right">{formatEuros(l.amountCents)}</td>
                <td className="px-3 py-2">
                  <Provenance sourceUrl={l.sourceUrl} isDemo={l.isDemo} compact />
                </td>
                {canEdit ? (
                  <td className="px-3 py-2">
                    <Link href={`${base}/${l.id}`} className="text-marianne underline">
                      Modifier
                      <span className="sr-only">
                        {" "}
                        la ligne {l.actionLabel ?? "du contrat"}, {FUNDER_LABELS[l.funder]}, {l.year}, {STAGE_LABELS[l.stage]}
                      </span>
                    </Link>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}
