// Where a figure comes from: a link to its source, or the demo mark (or both when a sourced record
// carries demo values, such as an action whose status is invented). When the passage of the source that
// states the value is known, « Source » opens it on demand (a native <details>: keyboard accessible).
import { DemoMark } from "./demo-mark";

// The demo mark has its own module (client table rows draw it without the rest); its importers find it here too.
export { DemoMark };

type Source = { url: string; quote: string | null; checkedOn: string | null };

function formatDay(iso: string) {
  const [y, m, d] = iso.split("-");
  return `${d}/${m}/${y}`;
}

export function Provenance({
  sourceUrl,
  isDemo,
  compact = false,
  source = null,
}: {
  sourceUrl: string | null;
  isDemo: boolean;
  compact?: boolean;
  source?: Source | null;
}) {
  const quoted = source?.quote ? source : null;
  return (
    <span className="prov">
      {quoted ? (
        <SourceQuote source={quoted} />
      ) : sourceUrl ? (
        <a href={sourceUrl} className="text-marianne underline" rel="noopener noreferrer" target="_blank">
          Source<span className="sr-only"> (nouvelle fenêtre)</span>
        </a>
      ) : null}
      {isDemo ? <DemoMark compact={compact || Boolean(sourceUrl)} /> : null}
    </span>
  );
}

/** « Source », which opens the quoted passage, the day it was read and the link. */
export function SourceQuote({ source }: { source: Source }) {
  return (
    <details className="inline-block max-w-md align-top">
      <summary className="cursor-pointer text-marianne underline">Source</summary>
      <span className="mt-1 block rounded border border-slate-200 bg-white p-2 text-left text-xs font-normal text-slate-800 shadow-sm">
        <q className="block italic">{source.quote}</q>
        <span className="mt-1 block">
          {source.checkedOn ? <>Lu le {formatDay(source.checkedOn)} · </> : null}
          <a href={source.url} className="text-marianne underline" rel="noopener noreferrer" target="_blank">
            Ouvrir la source<span className="sr-only"> (nouvelle fenêtre)</span>
          </a>
        </span>
      </span>
    </details>
  );
}
