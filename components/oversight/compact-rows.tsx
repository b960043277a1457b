"use client";
// The rows of a long table, sent once. A row rendered on the server is sent twice: as HTML, and as its element
// tree again in the page's RSC payload (for the browser's router), every tag, attribute and class in escaped
// JSON. A client component's rows cost their HTML and their props only: here, the texts each cell shows. The
// server keeps the <table>, its caption and headers; this component draws the <tbody> from arrays of texts.

/**
 * How the cells of a column are drawn, given as [kind, class of the cell]:
 * - "t": a text;
 * - "a": a link, [text, href]; "as": a link and a second line, [text, href, small]; "ar": a link whose name
 *   ends with words for screen readers only, [text, href, hidden]; "ai": a link with an id, [text, href, id];
 * - "ts": a text and a second line, [text, small];
 * - "m": an amount, [short, full] (the full amount in the tooltip);
 * - "ul": a short list of texts ("—" when empty);
 * - "sw": a legend swatch (CSS background, "" for no data) and its label, [background, text];
 * - "bd": badges, [[class, text], …] (more than one wrapped in .badges);
 * - "pb": a progress bar named by element ids, [value, labelledBy].
 */
export type CompactKind = "t" | "a" | "as" | "ar" | "ai" | "ts" | "m" | "ul" | "sw" | "bd" | "pb";
export type CompactColumn = readonly [CompactKind, string?];
export type CompactCell = string | number | readonly (string | number)[] | readonly (readonly string[])[];

const NO_DATA_SWATCH = "repeating-linear-gradient(45deg, #f8fafc 0 3px, #64748b 3px 4.5px)";

function Badge({ b }: { b: readonly string[] }) {
  return <span className={`badge ${b[0]}`}>{b[1]}</span>;
}

function Content({ kind, cell, base }: { kind: CompactKind; cell: CompactCell; base: string }) {
  if (kind === "t") return <>{cell as string}</>;
  const c = cell as readonly string[];
  switch (kind) {
    case "a":
      return <a href={base + c[1]}>{c[0]}</a>;
    case "ai":
      return (
        <a href={base + c[1]} id={c[2]}>
          {c[0]}
        </a>
      );
    case "as":
      return (
        <>
          <a href={base + c[1]}>{c[0]}</a>
          <small>{c[2]}</small>
        </>
      );
    case "ar":
      return (
        <a href={base + c[1]}>
          {c[0]}
          <span className="sr-only">{c[2]}</span>
        </a>
      );
    case "ts":
      return (
        <>
          {c[0]}
          <small>{c[1]}</small>
        </>
      );
    case "m":
      return <span title={c[1]}>{c[0]}</span>;
    case "ul":
      return c.length === 0 ? (
        <>—</>
      ) : (
        <ul className="text-xs tabular-nums">
          {c.map((text) => (
            <li key={text}>{text}</li>
          ))}
        </ul>
      );
    case "sw":
      return (
        <>
          <span aria-hidden="true" className="swatch" style={{ background: c[0] || NO_DATA_SWATCH }} />
          {` ${c[1]}`}
        </>
      );
    case "bd": {
      const badges = cell as readonly (readonly string[])[];
      if (badges.length === 1) return <Badge b={badges[0]} />;
      return (
        <span className="badges">
          {badges.map((b) => (
            <Badge key={b[1]} b={b} />
          ))}
        </span>
      );
    }
    case "pb":
      return (
        <span className="progress">
          <span role="progressbar" aria-labelledby={c[1]} aria-valuenow={Number(c[0])}>
            <span style={{ width: `${c[0]}%` }} />
          </span>
          <span>{`${c[0]}\u00a0%`}</span>
        </span>
      );
  }
}

/**
 * The <tbody> of a table: `rowHeader` is the column whose cells head their row (<th scope="row">); `base`
 * starts every link's address (given once instead of in every row).
 */
export function CompactRows({ columns, rows, rowHeader = 0, base = "" }: { columns: readonly CompactColumn[]; rows: readonly (readonly CompactCell[])[]; rowHeader?: number; base?: string }) {
  return (
    <tbody>
      {rows.map((row, r) => (
        <tr key={r}>
          {columns.map(([kind, className], i) =>
            i === rowHeader ? (
              <th key={i} scope="row" className={className}>
                <Content kind={kind} cell={row[i]} base={base} />
              </th>
            ) : (
              <td key={i} className={className}>
                <Content kind={kind} cell={row[i]} base={base} />
              </td>
            ),
          )}
        </tr>
      ))}
    </tbody>
  );
}
