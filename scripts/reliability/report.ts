// The tables the script prints (Markdown, so they paste into the README as they are).

export type Check = { target: string; measured: string; met: boolean; why?: string };

export type Table = { header: string[]; rows: string[][] };

export type PhaseResult = {
  title: string;
  summary: string[];
  tables: Table[];
  checks: Check[];
  serverErrors: string[];
  /** Requests that failed, to replay (fuzzing). */
  failures?: string[];
};

export function markdown(table: Table): string {
  return [`| ${table.header.join(" | ")} |`, `|${table.header.map(() => "---").join("|")}|`, ...table.rows.map((r) => `| ${r.join(" | ")} |`)].join("\n");
}

export function checksTable(checks: Check[]): Table {
  return {
    header: ["Cible", "Mesuré", "Résultat"],
    rows: checks.map((c) => [c.target, c.measured, c.met ? "atteint" : `MANQUÉ${c.why ? ` — ${c.why}` : ""}`]),
  };
}

export function printPhase(phase: PhaseResult, log: (line: string) => void) {
  log(`\n## ${phase.title}\n`);
  for (const line of phase.summary) log(line);
  for (const table of phase.tables) log(`\n${markdown(table)}`);
  log(`\n${markdown(checksTable(phase.checks))}`);
  if (phase.failures?.length) {
    log(`\nRequêtes en échec (${phase.failures.length}, 3 au plus par formulaire ou route) :`);
    for (const line of phase.failures) log(`  ${line}`);
  }
  if (phase.serverErrors.length > 0) {
    log(`\nErreurs dans le journal du serveur (${phase.serverErrors.length}, les 5 premières) :`);
    for (const line of phase.serverErrors.slice(0, 5)) log(`  ${line}`);
  }
}

export const ms = (v: number) => `${Math.round(v)} ms`;
export const count = (n: number) => n.toLocaleString("fr-FR");

/** Lines of the server log that report a failure (Next prints unhandled errors with their digest). */
export function errorLines(log: string): string[] {
  return log
    .split("\n")
    .filter((l) => /⨯|Unhandled|uncaught/i.test(l))
    .map((l) => l.trim().slice(0, 300));
}
