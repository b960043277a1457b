/** The demo share under an amount, as `demoShareLabel` (./demo-share.tsx) words it; no import, so client rows can use it. */
export function DemoShareMark({ label }: { label: string }) {
  return (
    <span className="mt-1 block text-xs font-normal">
      <span className="demo">{label}</span>
    </span>
  );
}
