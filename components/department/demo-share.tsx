import { formatEurosCompact } from "@/lib/core/format";
import { DemoShareMark } from "./demo-share-mark";

/** How much of a total is demo data (« entièrement de démonstration », « dont 24,1 M€ de démonstration »), or null. */
export function demoShareLabel(includesDemo: boolean, demoCents: number, totalCents: number): string | null {
  if (!includesDemo) return null;
  return demoCents >= totalCents ? "entièrement de démonstration" : `dont ${formatEurosCompact(demoCents)} de démonstration`;
}

/** Under a total that adds up demo amounts: how much of it is demo data. */
export function DemoShare({ includesDemo, demoCents, totalCents }: { includesDemo: boolean; demoCents: number; totalCents: number }) {
  const label = demoShareLabel(includesDemo, demoCents, totalCents);
  return label === null ? null : <DemoShareMark label={label} />;
}
