"use client";

import { DemoMark } from "@/components/ui/provenance";
import type { PublicIndicatorValue } from "@/lib/opendata/schemas";

const STATUS_STYLES: Record<PublicIndicatorValue["status"], string> = {
  met: "bg-green-100 text-green-900",
  improving: "bg-blue-100 text-blue-900",
  behind: "bg-orange-100 text-orange-900",
  no_target: "bg-slate-100 text-slate-800",
  no_actual: "bg-slate-100 text-slate-800",
  monitored: "bg-slate-100 text-slate-800",
};

/** One year of an indicator, formatted by the server: actual value, target, status, its label, demo (1) or not (0). */
export type IndicatorCell = [actual: string, target: string, status: PublicIndicatorValue["status"], statusLabel: string, demo: 0 | 1];

/** An indicator: its codes (« C1 › O1 › I1 »), its label, all its values demo data (1) or not, a cell per year (null: no value). */
export type IndicatorRow = [codes: string, label: string, rowDemo: 0 | 1, cells: (IndicatorCell | null)[]];

/**
 * The rows of the indicators table. A client component so that the page's RSC payload carries these values once
 * instead of the rendered tree of every cell (the HTML, rendered by the server, is the same). A row whose values
 * are all demo data says so once, in its header, rather than in every cell.
 */
export function IndicatorRows({ rows }: { rows: IndicatorRow[] }) {
  return (
    <tbody>
      {rows.map(([codes, label, rowDemo, cells]) => (
        <tr key={codes}>
          <th scope="row">
            <small>{codes}</small>
            {label}
            {rowDemo ? (
              <span className="mt-1 block">
                <DemoMark compact />
              </span>
            ) : null}
          </th>
          {cells.map((cell, index) =>
            cell === null ? (
              <td key={index}>—</td>
            ) : (
              <td key={index} className="nw">
                <span className="v">{cell[0]}</span>
                <small>{`Cible : ${cell[1]}`}</small>
                <span className={`badge-sm ${STATUS_STYLES[cell[2]]}`}>{cell[3]}</span>
                {cell[4] ? (
                  <span className="mt-1 block">
                    <DemoMark compact />
                  </span>
                ) : null}
              </td>
            ),
          )}
        </tr>
      ))}
    </tbody>
  );
}
