import type { Metadata } from "next";
import { RegionalView } from "@/components/views/oversight-views";
import { requireUser } from "@/lib/auth/web";
import { parseOversightParams } from "@/lib/oversight/schemas";

export const metadata: Metadata = { title: "Vue régionale" };

type Props = { params: Promise<{ code: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

// Rendered per request for prefetches and anyone the proxy does not send to the cached copy: a page load
// or a navigation by a reader who may open it is served from app/vues-en-cache/ (lib/page-cache/rewrite.ts).
export default async function RegionalViewPage({ params, searchParams }: Props) {
  const viewer = await requireUser();
  return <RegionalView viewer={viewer} regionCode={(await params).code} params={parseOversightParams(await searchParams)} />;
}
