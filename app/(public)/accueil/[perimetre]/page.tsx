import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { NATIONAL_SCOPE, NationalPage } from "@/components/department/national-page";

// "/" (a rewrite in next.config.ts): the national page with the first page of the list of departments.
export const revalidate = 3600;
export const dynamicParams = true;
export function generateStaticParams(): { perimetre: string }[] {
  return [];
}

export const metadata: Metadata = { alternates: { canonical: "/" } };

export default async function HomePage({ params }: { params: Promise<{ perimetre: string }> }) {
  if ((await params).perimetre !== NATIONAL_SCOPE) notFound();
  return <NationalPage page={1} />;
}
