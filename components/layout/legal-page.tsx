import { Breadcrumb } from "@/components/ui/breadcrumb";

/** The frame of the pages every French public site has: breadcrumb, title, text. */
export function LegalPage({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <div className="max-w-3xl space-y-6">
      <Breadcrumb current={title} />
      <h1 className="text-3xl font-bold">{title}</h1>
      <div className="space-y-6 leading-relaxed [&_a]:text-marianne [&_a]:underline [&_h2]:text-xl [&_h2]:font-semibold [&_li]:ml-6 [&_ul]:list-disc [&_ul]:space-y-1">
        {children}
      </div>
    </div>
  );
}
