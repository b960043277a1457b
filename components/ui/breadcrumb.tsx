/**
 * The breadcrumb of a public page: « Accueil › … › the page », each step a plain link (no client code), the
 * last one the page itself (aria-current).
 */
export function Breadcrumb({ trail = [], current }: { trail?: readonly { href: string; label: string }[]; current: string }) {
  return (
    <nav aria-label="Fil d'Ariane" className="text-sm">
      <ol className="flex flex-wrap gap-2">
        {[{ href: "/", label: "Accueil" }, ...trail].map((step) => (
          <li key={step.href}>
            <a href={step.href} className="text-marianne underline">
              {step.label}
            </a>
            <span aria-hidden="true"> ›</span>
          </li>
        ))}
        <li aria-current="page">{current}</li>
      </ol>
    </nav>
  );
}
