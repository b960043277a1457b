// What someone else saved meanwhile, beside the form that kept what was typed.
export function ConflictPanel({ rows, onUseCurrent, headingLevel = 2 }: { rows: [string, string][]; onUseCurrent: () => void; headingLevel?: 2 | 3 | 4 | 5 }) {
  const Heading = `h${headingLevel}` as const;
  return (
    <section aria-labelledby="valeurs-actuelles" className="rounded border border-orange-300 bg-orange-50 p-3 text-sm">
      <Heading id="valeurs-actuelles" className="font-semibold">
        Valeurs actuellement enregistrées
      </Heading>
      <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-slate-700">{label}</dt>
            <dd className="tabular break-words">{value}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-2">Le formulaire garde votre saisie : enregistrez-la pour remplacer ces valeurs, ou repartez des valeurs actuelles.</p>
      <button type="button" onClick={onUseCurrent} className="mt-2 rounded border border-slate-500 bg-white px-3 py-1">
        Reprendre les valeurs actuelles
      </button>
    </section>
  );
}
