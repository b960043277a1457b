/** « donnée de démonstration », or « démo » with its meaning in a tooltip and for screen readers (.demo: app/globals.css). */
export function DemoMark({ compact = false }: { compact?: boolean }) {
  if (!compact) return <span className="demo">donnée de démonstration</span>;
  return (
    <span className="demo" title="Donnée de démonstration : valeur fictive">
      démo<span className="sr-only"> (donnée de démonstration)</span>
    </span>
  );
}
