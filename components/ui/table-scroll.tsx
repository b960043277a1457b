// A wide table's scrolling box: focusable and named, so keyboard users can scroll it (axe: scrollable-region-focusable).
// Positioned, so that visually hidden (absolute) text in its cells is clipped with it instead of widening the page.
export function TableScroll({ label, className = "", children }: { label: string; className?: string; children: React.ReactNode }) {
  return (
    <div role="region" aria-label={`Tableau : ${label}`} tabIndex={0} className={`relative overflow-x-auto ${className}`}>
      {children}
    </div>
  );
}
