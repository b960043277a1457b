import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/web";
import { DepartmentWorkspace } from "./department-workspace";

export const metadata: Metadata = { title: "Espace départemental" };

type Props = { params: Promise<{ code: string }>; searchParams: Promise<{ archivee?: string }> };

// Rendered per request for client navigations, with a message (?archivee=) and for anyone the proxy does
// not send to the cached copy: a plain page load by a signed-in user is served from app/vues-en-cache/
// (lib/page-cache/rewrite.ts).
export default async function WorkspaceDepartmentPage({ params, searchParams }: Props) {
  const viewer = await requireUser();
  const { archivee } = await searchParams;
  return <DepartmentWorkspace viewer={viewer} code={(await params).code} archivee={archivee} />;
}
