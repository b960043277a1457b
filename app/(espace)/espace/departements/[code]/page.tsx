import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/web";
import { DepartmentWorkspace } from "../../../../../components/views/department-workspace";

export const metadata: Metadata = { title: "Espace départemental" };

type Props = { params: Promise<{ code: string }>; searchParams: Promise<{ archivee?: string }> };

// Rendered per request with a message (?archivee=), for prefetches and for anyone the proxy does not
// send to the cached copy: a page load or a navigation by a signed-in user is served from
// app/vues-en-cache/ (lib/page-cache/rewrite.ts).
export default async function WorkspaceDepartmentPage({ params, searchParams }: Props) {
  const viewer = await requireUser();
  const { archivee } = await searchParams;
  return <DepartmentWorkspace viewer={viewer} code={(await params).code} archivee={archivee} />;
}
