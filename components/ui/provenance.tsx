// Where a figure comes from: a link to its source, or the demo mark (or both when a sourced record
// carries demo values, such as an action whose status is invented).
export function Provenance({ sourceUrl, isDemo, compact = false }: { sourceUrl: string | null; isDemo: boolean; compact?: boolean }) {
  return (
    <span className="inline-flex flex-wrap items-center gap-1 text-xs">
      {sourceUrl ? (
        <a href={sourceUrl} className="text-marianne underline" rel="noopener noreferrer" target="_blank">
          Source<span className="sr-only"> (nouvelle fenêtre)</span>
        </a>
      ) : null}
      {isDemo ? <DemoMark compact={compact || Boolean(sourceUrl)} /> : null}
    </span>
  );
}

export function DemoMark({ compact = false }: { compact?: boolean }) {
  return (
    <span className="rounded bg-amber-100 px-1 text-amber-900" title="Donnée de démonstration : valeur fictive">
      {compact ? "démo" : "donnée de démonstration"}
      {compact ? <span className="sr-only"> (donnée de démonstration)</span> : null}
    </span>
  );
}
