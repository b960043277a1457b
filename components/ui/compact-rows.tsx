"use client";
// The rows of a long table, sent once. A row rendered on the server is sent twice: as HTML, and as its element
// tree again in the page's RSC payload (for the browser's router), every tag, attribute and class in escaped
// JSON. A client component's rows cost their HTML and their props only: here, the texts each cell shows. The
// server keeps the <table>, its caption and headers, and describes its columns; this component draws the
// <tbody> from arrays of texts already formatted by the server. Every long table draws its rows here, public
// pages and signed-in views alike.

import type { ReactNode } from "react";
import { actionProgressLabelledBy, actionTitleId } from "@/components/actions/action-ids";
import { DemoShareMark } from "@/components/department/demo-share-mark";
import { ActionStatusBadge, ProgressBar } from "@/components/ui/action-status";
import { DemoMark } from "@/components/ui/demo-mark";
import { INDICATOR_STATUS_STYLES } from "@/components/indicators/indicator-status-styles";
import type { ActionStatus } from "@/lib/core/vocabulary";
import type { PublicIndicatorValue } from "@/lib/opendata/schemas";

/** What a cell of each kind is given: the texts it shows (flags as 0 or 1, shorter than booleans in the payload). */
export type CompactCells = {
  /** A text. */
  t: string;
  /** A text and a second line. */
  ts: readonly [text: string, small: string];
  /** A link. */
  a: readonly [text: string, href: string];
  /** A link and a second line. */
  as: readonly [text: string, href: string, small: string];
  /** A link whose name ends with words for screen readers only. */
  ar: readonly [text: string, href: string, hidden: string];
  /** A fiche action's link, with the id of the row's title (`actionTitleId`), which names its progress bar. */
  ai: readonly [text: string, href: string];
  /** A department's link and, when it had any, « et N contrats antérieurs ». */
  ac: readonly [text: string, href: string, earlier: number];
  /** A fiche action's heading: reference, title (with the id of the row's title) and purpose. */
  fa: readonly [reference: string, title: string, purpose: string | null];
  /** An indicator's heading: its codes (« C1 › O1 › I1 »), its label, and the demo mark when all its values are demo data. */
  ih: readonly [codes: string, label: string, demo: 0 | 1];
  /** An amount, the full amount in the tooltip. */
  m: readonly [short: string, full: string];
  /** An amount and the share of it that is demo data (`demoShareLabel`), or null. */
  md: readonly [amount: string, demoShare: string | null];
  /** A short list of texts (« — » when empty). */
  ul: readonly string[];
  /** A legend swatch (CSS background, "" for no data) and its label. */
  sw: readonly [background: string, text: string];
  /** A fiche action's status badge, and « En retard » when late. */
  st: readonly [status: ActionStatus, late: 0 | 1];
  /** A fiche action's progress (%): a bar named by the column's header and the row's title. */
  pb: number;
  /** A year of an indicator: actual value, target, status and its label, demo mark; null for no value (« — »). */
  iv: readonly [actual: string, target: string, status: PublicIndicatorValue["status"], statusLabel: string, demo: 0 | 1] | null;
};
export type CompactKind = keyof CompactCells;
/** A column: the kind of its cells and their class. */
export type CompactColumn = readonly [kind: CompactKind, className?: string];
export type CompactCell = CompactCells[CompactKind];
/** A row of a table whose columns are `C` (declared `as const`): one cell per column, of its kind. */
export type CompactRow<C extends readonly CompactColumn[]> = { readonly [I in keyof C]: C[I] extends CompactColumn ? CompactCells[C[I][0]] : never };

type KindAndCell = { [K in CompactKind]: { kind: K; cell: CompactCells[K] } }[CompactKind];

const NO_DATA_SWATCH = "repeating-linear-gradient(45deg, #f8fafc 0 3px, #64748b 3px 4.5px)";

function CompactDemoMark() {
  return (
    <span className="mt-1 block">
      <DemoMark compact />
    </span>
  );
}

/** What a cell shows; `r` is the row's index (the ids of a fiche action's title and progress bar). */
function Content(props: KindAndCell & { base: string; r: number }) {
  const { base, r } = props;
  switch (props.kind) {
    case "t":
      return <>{props.cell}</>;
    case "ts": {
      const [text, small] = props.cell;
      return (
        <>
          {text}
          <small>{small}</small>
        </>
      );
    }
    case "a": {
      const [text, href] = props.cell;
      return <a href={base + href}>{text}</a>;
    }
    case "as": {
      const [text, href, small] = props.cell;
      return (
        <>
          <a href={base + href}>{text}</a>
          <small>{small}</small>
        </>
      );
    }
    case "ar": {
      const [text, href, hidden] = props.cell;
      return (
        <a href={base + href}>
          {text}
          <span className="sr-only">{hidden}</span>
        </a>
      );
    }
    case "ai": {
      const [text, href] = props.cell;
      return (
        <a href={base + href} id={actionTitleId(r)}>
          {text}
        </a>
      );
    }
    case "ac": {
      const [text, href, earlier] = props.cell;
      const s = earlier > 1 ? "s" : "";
      return (
        <>
          <a href={base + href}>{text}</a>
          {earlier > 0 ? <small>{`et ${earlier} contrat${s} antérieur${s}`}</small> : null}
        </>
      );
    }
    case "fa": {
      const [reference, title, purpose] = props.cell;
      return (
        <>
          <small>{reference}</small>
          <b id={actionTitleId(r)}>{title}</b>
          {purpose ? <p>{purpose}</p> : null}
        </>
      );
    }
    case "ih": {
      const [codes, label, demo] = props.cell;
      return (
        <>
          <small>{codes}</small>
          {label}
          {demo ? <CompactDemoMark /> : null}
        </>
      );
    }
    case "m": {
      const [short, full] = props.cell;
      return <span title={full}>{short}</span>;
    }
    case "md": {
      const [amount, demoShare] = props.cell;
      return (
        <>
          {amount}
          {demoShare ? <DemoShareMark label={demoShare} /> : null}
        </>
      );
    }
    case "ul":
      return props.cell.length === 0 ? (
        <>—</>
      ) : (
        <ul className="text-xs tabular-nums">
          {props.cell.map((text) => (
            <li key={text}>{text}</li>
          ))}
        </ul>
      );
    case "sw": {
      const [background, text] = props.cell;
      return (
        <>
          <span aria-hidden="true" className="swatch" style={{ background: background || NO_DATA_SWATCH }} />
          {` ${text}`}
        </>
      );
    }
    case "st":
      return <ActionStatusBadge status={props.cell[0]} isLate={props.cell[1] === 1} />;
    case "pb":
      return <ProgressBar value={props.cell} labelledBy={actionProgressLabelledBy(actionTitleId(r))} />;
    case "iv": {
      if (props.cell === null) return <>—</>;
      const [actual, target, status, statusLabel, demo] = props.cell;
      return (
        <>
          <span className="v">{actual}</span>
          <small>{`Cible : ${target}`}</small>
          <span className={`badge-sm ${INDICATOR_STATUS_STYLES[status]}`}>{statusLabel}</span>
          {demo ? <CompactDemoMark /> : null}
        </>
      );
    }
  }
}

type CompactRowsProps<C extends readonly CompactColumn[]> = {
  /** The columns, `as const`: the kind of their cells and their class. */
  columns: C;
  rows: readonly CompactRow<C>[];
  /** The column whose cells head their row (<th scope="row">). */
  rowHeader?: number;
  /** The start of every link's address (given once instead of in every row). */
  base?: string;
  /** Rendered by the server, ending each row's header (a fiche action's « Source »); null for none. */
  notes?: readonly ReactNode[] | null;
};

/**
 * The <tbody> of a table: a <tr> per row, a cell per column, drawn as its kind says (CompactCells). A null cell
 * (a year without a value) is « — » without the column's class.
 */
export function CompactRows<const C extends readonly CompactColumn[]>(props: CompactRowsProps<C>): ReactNode;
export function CompactRows({ columns, rows, rowHeader = 0, base = "", notes = null }: CompactRowsProps<readonly CompactColumn[]>) {
  return (
    <tbody>
      {rows.map((row, r) => (
        <tr key={r}>
          {columns.map(([kind, className], i) => {
            const cell = row[i];
            const Cell = i === rowHeader ? "th" : "td";
            return (
              <Cell key={i} scope={i === rowHeader ? "row" : undefined} className={cell === null ? undefined : className}>
                <Content {...({ kind, cell } as KindAndCell)} base={base} r={r} />
                {i === rowHeader ? notes?.[r] : null}
              </Cell>
            );
          })}
        </tr>
      ))}
    </tbody>
  );
}
