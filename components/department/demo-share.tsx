import { formatEurosCompact } from "@/lib/core/format";

/** Under a total that adds up demo amounts: how much of it is demo data (« dont 24,1 M€ de démonstration »). */
export function DemoShare({ includesDemo, demoCents, totalCents }: { includesDemo: boolean; demoCents: number; totalCents: number }) {
  if (!includesDemo) return null;
  return (
    <span className="mt-1 block text-xs font-normal">
      <span className="demo">{demoCents >= totalCents ? "entièrement de démonstration" : `dont ${formatEurosCompact(demoCents)} de démonstration`}</span>
    </span>
  );
}
