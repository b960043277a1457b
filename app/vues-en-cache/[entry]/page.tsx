import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DepartmentWorkspace } from "@/components/views/department-workspace";
import { NationalView, RegionalView } from "@/components/views/oversight-views";
import { parseOversightParams } from "@/lib/oversight/schemas";
import { decodeEntry } from "@/lib/page-cache/entry";
import { viewerFromRolesKey } from "@/lib/server/reader";

type Props = { params: Promise<{ entry: string }> };

// The cached copy of a signed-in view (lib/page-cache/): a national or regional view for one reader, or
// a department's workspace for one set of roles. Reached only through the proxy, which names the copy in
// a request header that next.config.ts rewrites here (from outside, this address answers 404); the
// address is signed. Rendered on first visit, then served from cache until a write revalidates the tags
// of the data it shows (on every instance) or five minutes pass (the date moves "late" actions and
// overdue reports).
export const revalidate = 300;
export const dynamicParams = true;
export function generateStaticParams(): { entry: string }[] {
  return [];
}

async function entryOf(props: Props) {
  const entry = decodeEntry((await props.params).entry);
  if (!entry) return null;
  const viewer = viewerFromRolesKey(entry.key);
  return viewer ? { ...entry, viewer } : null;
}

const TITLES = { national: "Vue nationale", region: "Vue régionale", department: "Espace départemental" } as const;

export async function generateMetadata(props: Props): Promise<Metadata> {
  const entry = await entryOf(props);
  return { title: entry ? TITLES[entry.view.kind] : "Page introuvable" };
}

export default async function CachedView(props: Props) {
  const entry = await entryOf(props);
  if (!entry) notFound();
  const { view, viewer } = entry;
  if (view.kind === "department") return <DepartmentWorkspace viewer={viewer} code={view.departmentCode} />;
  const params = parseOversightParams(Object.fromEntries(new URLSearchParams(entry.query)));
  return view.kind === "national" ? <NationalView viewer={viewer} params={params} /> : <RegionalView viewer={viewer} regionCode={view.regionCode} params={params} />;
}
