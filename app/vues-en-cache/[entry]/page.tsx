import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { NationalView, RegionalView } from "@/components/oversight/oversight-views";
import { readerFromKey } from "@/lib/oversight/reader";
import { parseOversightParams } from "@/lib/oversight/schemas";
import { decodeEntry } from "@/lib/page-cache/entry";

type Props = { params: Promise<{ entry: string }> };

// The cached copy of a national or regional view for one reader (lib/page-cache/): reached only through
// the proxy's rewrite of /espace/national and /espace/regions/<code> (from outside: 404), its address
// signed. Rendered on first visit, then served from cache until a write revalidates the figures' tag
// (every view over several departments, on every instance) or five minutes pass (the date moves "late"
// actions and overdue reports).
export const revalidate = 300;
export const dynamicParams = true;
export function generateStaticParams(): { entry: string }[] {
  return [];
}

async function entryOf(props: Props) {
  const entry = decodeEntry((await props.params).entry);
  const reader = entry ? readerFromKey(entry.reader) : null;
  return entry && reader ? { ...entry, reader } : null;
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const entry = await entryOf(props);
  return { title: entry?.scope.kind === "region" ? "Vue régionale" : "Vue nationale" };
}

export default async function CachedOversightView(props: Props) {
  const entry = await entryOf(props);
  if (!entry) notFound();
  const params = parseOversightParams(Object.fromEntries(new URLSearchParams(entry.query)));
  return entry.scope.kind === "national" ? (
    <NationalView viewer={entry.reader} params={params} />
  ) : (
    <RegionalView viewer={entry.reader} regionCode={entry.scope.regionCode} params={params} />
  );
}
