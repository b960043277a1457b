"use client";

import { actionTitleId as titleId } from "@/components/actions/action-schedule-cells";
import { ActionStatusBadge, ProgressBar } from "@/components/ui/action-status";
import type { ActionStatus } from "@/lib/core/vocabulary";

/**
 * One fiche action as the public table shows it, already formatted by the server: reference, title, purpose,
 * objective's code, pilot and partners, calendar, status, late (1) or not (0), progress (%).
 */
export type ActionRow = [reference: string, title: string, purpose: string | null, objective: string, lead: string, calendar: string, status: ActionStatus, late: 0 | 1, progress: number];


/**
 * The rows of the fiches action table. A client component so that the page's RSC payload carries these values
 * once, as arrays, instead of the rendered tree of every row (the HTML, rendered by the server, is the same:
 * readable without JavaScript). `provenance`, when given, is each row's « Source » as the server rendered it.
 */
export function ActionRows({ rows, provenance, progressHeaderId }: { rows: ActionRow[]; provenance: React.ReactNode[] | null; progressHeaderId: string }) {
  return (
    <tbody>
      {rows.map(([reference, title, purpose, objective, lead, calendar, status, late, progress], i) => (
        <tr key={i}>
          <th scope="row">
            <small>{reference}</small>
            <b id={titleId(i)}>{title}</b>
            {purpose ? <p>{purpose}</p> : null}
            {provenance?.[i]}
          </th>
          <td>{objective}</td>
          <td>{lead}</td>
          <td className="nw">{calendar}</td>
          <td>
            <ActionStatusBadge status={status} isLate={late === 1} />
          </td>
          <td>
            <ProgressBar value={progress} labelledBy={`${progressHeaderId} ${titleId(i)}`} />
          </td>
        </tr>
      ))}
    </tbody>
  );
}
