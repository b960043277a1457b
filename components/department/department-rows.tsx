"use client";

import { DemoShareMark } from "./demo-share-mark";

/**
 * One department of the national list, already formatted by the server: name and code, its page, how many earlier
 * contracts, total amount, its demo share (« entièrement de démonstration », « dont … de démonstration ») or null,
 * and average progress.
 */
export type DepartmentRow = [label: string, href: string, earlier: number, amount: string, demo: string | null, progress: string];

/**
 * The rows of the national list. A client component so that the page's RSC payload carries these values once,
 * as arrays, instead of the rendered tree of every row (the HTML, rendered by the server, is the same: readable
 * without JavaScript).
 */
export function DepartmentRows({ rows }: { rows: DepartmentRow[] }) {
  return (
    <tbody>
      {rows.map(([label, href, earlier, amount, demo, progress]) => (
        <tr key={href}>
          <th scope="row">
            <a href={href}>{label}</a>
            {earlier > 0 ? <small>{`et ${earlier} contrat${earlier > 1 ? "s" : ""} antérieur${earlier > 1 ? "s" : ""}`}</small> : null}
          </th>
          <td className="n">
            {amount}
            {demo ? <DemoShareMark label={demo} /> : null}
          </td>
          <td className="n">{progress}</td>
        </tr>
      ))}
    </tbody>
  );
}
