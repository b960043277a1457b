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
  /** CPU time per request of the server and of PostgreSQL during the measure (ms): what bounds the throughput. */
  serverCpuMs: number;
  postgresCpuMs: number;
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
  pids: { server: number; postgres: number | null },
): Promise<RouteResult> {
  const url = `${origin}${route.path}`;
  if (!url.startsWith("http://127.0.0.1:")) throw new Error(`Adresse refusée : ${url} (boucle locale uniquement)`);
  const headers: Record<string, string> = route.cookie ? { cookie: route.cookie } : {};
  await run(url, options.warmupSeconds, options.connections, headers, () => {});
  const times: number[] = [];
  let non2xx = 0;
  const cpuBefore = [treeCpuMs(pids.server), pids.postgres ? treeCpuMs(pids.postgres) : 0];
  const result = await run(url, options.seconds, options.connections, headers, (ms, status) => {
    times.push(ms);
    if (status < 200 || status >= 300) non2xx++;
  });
  const perRequest = (now: number, before: number) => (times.length ? Math.round(((now - before) / times.length) * 10) / 10 : NaN);
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
    serverCpuMs: perRequest(treeCpuMs(pids.server), cpuBefore[0]),
    postgresCpuMs: pids.postgres ? perRequest(treeCpuMs(pids.postgres), cpuBefore[1]) : NaN,
  };
}

/** The /proc/<pid>/stat fields (after the command name) of every process, and who is whose child. */
function processTable() {
  const stats = new Map<number, string[]>();
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      stats.set(Number(entry), fields);
      children.set(Number(fields[1]), [...(children.get(Number(fields[1])) ?? []), Number(entry)]);
    } catch {
      // the process ended meanwhile
    }
  }
  return { stats, children };
}

function descendants(rootPid: number): number[] {
  const { children } = processTable();
  const all: number[] = [];
  const visit = (pid: number) => {
    all.push(pid);
    for (const child of children.get(pid) ?? []) visit(child);
  };
  visit(rootPid);
  return all;
}

/** Resident memory of a process and all its descendants, in MB (Linux /proc). */
export function treeRssMb(rootPid: number): number {
  let kb = 0;
  for (const pid of descendants(rootPid)) {
    try {
      const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
      kb += match ? Number(match[1]) : 0;
    } catch {
      // ended meanwhile
    }
  }
  return Math.round(kb / 1024);
}

/** CPU time (user + system, children that ended included) of a process tree, in ms (clock ticks of 10 ms). */
export function treeCpuMs(rootPid: number): number {
  const { stats, children } = processTable();
  let ticks = 0;
  const visit = (pid: number) => {
    const f = stats.get(pid);
    if (!f) return;
    ticks += Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]);
    for (const child of children.get(pid) ?? []) visit(child);
  };
  visit(rootPid);
  return ticks * 10;
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

/** Busy and total CPU time of the whole machine so far (Linux /proc/stat, clock ticks). */
function machineTicks(): { busy: number; total: number } {
  const [cpu] = readFileSync("/proc/stat", "utf8").split("\n");
  // user nice system idle iowait irq softirq steal (guest time is already counted in user and nice)
  const ticks = cpu.trim().split(/\s+/).slice(1, 9).map(Number);
  const total = ticks.reduce((a, b) => a + b, 0);
  const idle = (ticks[3] ?? 0) + (ticks[4] ?? 0); // idle + iowait
  return { busy: total - idle, total };
}

/**
 * Waits until the machine is at rest: two consecutive seconds with at most `maxBusy` (share of all cores)
 * busy, or `maxMs`. Lighthouse times the page's scripts on this machine's processor: measured while the server
 * is still finishing the previous phase's work, a page would be charged for it. Returns how long it waited and
 * the last second's busy share.
 */
export async function waitForIdle({ maxBusy = 0.1, maxMs = 60_000 } = {}): Promise<{ waitedMs: number; busy: number; idle: boolean }> {
  const started = Date.now();
  let calm = 0;
  let busy = 1;
  let last = machineTicks();
  while (Date.now() - started < maxMs) {
    await new Promise((r) => setTimeout(r, 1000));
    const now = machineTicks();
    busy = (now.busy - last.busy) / Math.max(1, now.total - last.total);
    last = now;
    calm = busy <= maxBusy ? calm + 1 : 0;
    if (calm >= 2) return { waitedMs: Date.now() - started, busy, idle: true };
  }
  return { waitedMs: Date.now() - started, busy, idle: false };
}
