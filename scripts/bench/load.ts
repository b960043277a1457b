// Load measurement: autocannon against 127.0.0.1 only, bounded in time, with our own p95 (autocannon's
// histogram gives p90 and p97.5, not p95), and the server's memory read from /proc.
import autocannon from "autocannon";
import { readFileSync, readdirSync } from "node:fs";

export type RouteResult = {
  label: string;
  path: string;
  p50: number;
  p95: number;
  rps: number;
  requests: number;
  non2xx: number;
  errors: number;
  bytesPerResponse: number;
};

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index];
}

function run(url: string, seconds: number, connections: number, headers: Record<string, string>, record: (ms: number, status: number) => void) {
  return new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url, connections, duration: seconds, headers, timeout: 10 }, (error, result) => (error ? reject(error) : resolve(result)));
    instance.on("response", (_client: unknown, status: number, _bytes: number, ms: number) => record(ms, status));
  });
}

export async function measureRoute(
  origin: string,
  route: { label: string; path: string; cookie?: string },
  options: { seconds: number; warmupSeconds: number; connections: number },
): Promise<RouteResult> {
  const url = `${origin}${route.path}`;
  if (!url.startsWith("http://127.0.0.1:")) throw new Error(`Adresse refusée : ${url} (boucle locale uniquement)`);
  const headers: Record<string, string> = route.cookie ? { cookie: route.cookie } : {};
  await run(url, options.warmupSeconds, options.connections, headers, () => {});
  const times: number[] = [];
  let non2xx = 0;
  const result = await run(url, options.seconds, options.connections, headers, (ms, status) => {
    times.push(ms);
    if (status < 200 || status >= 300) non2xx++;
  });
  times.sort((a, b) => a - b);
  return {
    label: route.label,
    path: route.path,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    rps: times.length / options.seconds,
    requests: times.length,
    non2xx,
    errors: result.errors + result.timeouts,
    bytesPerResponse: times.length ? Math.round(result.throughput.total / times.length) : 0,
  };
}

/** Resident memory of a process and all its descendants, in MB (Linux /proc). */
export function treeRssMb(rootPid: number): number {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // the process ended meanwhile
    }
  }
  let kb = 0;
  const visit = (pid: number) => {
    try {
      const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
      kb += match ? Number(match[1]) : 0;
    } catch {
      return;
    }
    for (const child of children.get(pid) ?? []) visit(child);
  };
  visit(rootPid);
  return Math.round(kb / 1024);
}

/** Samples the memory every half second; `stop()` returns the peak. */
export function sampleMemory(rootPid: number) {
  let peak = treeRssMb(rootPid);
  const timer = setInterval(() => (peak = Math.max(peak, treeRssMb(rootPid))), 500);
  return {
    stop: () => {
      clearInterval(timer);
      return Math.max(peak, treeRssMb(rootPid));
    },
  };
}
