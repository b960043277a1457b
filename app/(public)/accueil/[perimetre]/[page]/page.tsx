import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { homeListPath, parseHomeListPage } from "@/components/department/home-list-pages";
import { NATIONAL_SCOPE, NationalPage } from "@/components/department/national-page";

// "/page/<n>" (a rewrite in next.config.ts): the next pages of the national list of departments, each
// cached like "/" (same tag), addressed by path so that every page is its own cached copy.
export const revalidate = 3600;
export const dynamicParams = true;
export function generateStaticParams(): { perimetre: string; page: string }[] {
  return [];
}

type Props = { params: Promise<{ perimetre: string; page: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const page = parseHomeListPage((await params).page);
  return page ? { title: `Départements sous contrat : page ${page}`, alternates: { canonical: homeListPath(page) } } : {};
}

export default async function HomeListPage({ params }: Props) {
  const { perimetre, page } = await params;
  const n = parseHomeListPage(page);
  if (perimetre !== NATIONAL_SCOPE || n === null) notFound();
  return <NationalPage page={n} />;
}
