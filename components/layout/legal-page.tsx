
/** The frame of the pages every French public site has: breadcrumb, title, text. */
export function LegalPage({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <div className="max-w-3xl space-y-6">
      <nav aria-label="Fil d'Ariane" className="text-sm">
        <ol className="flex gap-2">
          <li>
            <a href="/" className="text-marianne underline">
              Accueil
            </a>
            <span aria-hidden="true"> ›</span>
          </li>
          <li aria-current="page">{title}</li>
        </ol>
      </nav>
      <h1 className="text-3xl font-bold">{title}</h1>
      <div className="space-y-6 leading-relaxed [&_a]:text-marianne [&_a]:underline [&_h2]:text-xl [&_h2]:font-semibold [&_li]:ml-6 [&_ul]:list-disc [&_ul]:space-y-1">
        {children}
      </div>
    </div>
  );
}
