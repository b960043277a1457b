// The colours of an indicator's status badge, for the server's indicator tables and the public rows drawn in
// the browser (components/ui/compact-rows.tsx). Safe for the client.
import type { IndicatorStatus } from "@/lib/indicators/status";

export const INDICATOR_STATUS_STYLES: Record<IndicatorStatus, string> = {
  met: "bg-green-100 text-green-900",
  improving: "bg-blue-100 text-blue-900",
  behind: "bg-orange-100 text-orange-900",
  no_target: "bg-slate-100 text-slate-800",
  no_actual: "bg-slate-100 text-slate-800",
  monitored: "bg-slate-100 text-slate-800",
};
