import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DepartmentDashboard } from "@/components/department/department-dashboard";
import { getPublicContractPage } from "@/lib/opendata/cached";

type Props = { params: Promise<{ code: string; id: string }> };

// An earlier contract of a department: rendered on first visit, cached like the department's page.
export const revalidate = 3600;
export const dynamicParams = true;
export function generateStaticParams(): { code: string; id: string }[] {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const page = await getPublicContractPage(params);
  if (!page) return { title: "Page introuvable" };
  return { title: `${page.department.name} (${page.department.code}) — contrat ${page.contract.slug}` };
}

export default async function ContractPage({ params }: Props) {
  const page = await getPublicContractPage(params);
  if (!page) notFound();
  return <DepartmentDashboard page={page} archive={page.contract.id !== page.department.currentContractId} />;
}
