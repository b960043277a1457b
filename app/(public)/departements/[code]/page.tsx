import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DepartmentDashboard } from "@/components/department/department-dashboard";
import { getPublicDepartmentPage } from "@/lib/opendata/cached";

type Props = { params: Promise<{ code: string }> };

// Rendered on the first visit, then served from cache until a write touches the department (tag
// "public:department:<code>", lib/server/cache/cache.ts) or an hour passes ("late" actions follow the date).
// Nothing is prerendered at build time, so `next build` needs no database.
export const revalidate = 3600;
export const dynamicParams = true;
export function generateStaticParams(): { code: string }[] {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const page = await getPublicDepartmentPage((await params).code);
  if (!page) return { title: "Page introuvable" };
  return {
    title: `${page.department.name} (${page.department.code})`,
    description: `Contrat départemental de prévention et de protection de l'enfance de ${page.department.name} : montants, fiches action, indicateurs, financements.`,
  };
}

export default async function DepartmentPage({ params }: Props) {
  const page = await getPublicDepartmentPage((await params).code);
  if (!page) notFound();
  return <DepartmentDashboard page={page} />;
}
