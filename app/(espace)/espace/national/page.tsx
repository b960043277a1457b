import type { Metadata } from "next";
import { NationalView } from "@/components/views/oversight-views";
import { requirePermission } from "@/lib/auth/web";
import { parseOversightParams } from "@/lib/oversight/schemas";

export const metadata: Metadata = { title: "Vue nationale" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// Rendered per request for prefetches and anyone the proxy does not send to the cached copy: a page load
// or a navigation by a reader who may open it is served from app/vues-en-cache/ (lib/page-cache/rewrite.ts).
export default async function NationalViewPage({ searchParams }: Props) {
  // National reach only: a department or regional role is sent back to its workspace.
  const viewer = await requirePermission("contract.read", null);
  return <NationalView viewer={viewer} params={parseOversightParams(await searchParams)} />;
}
