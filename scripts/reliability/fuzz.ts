// Phase c: fast-check over HTTP against every server action and every route; target: no HTTP 500.
import type { Log } from "./app";
import { createAccount, directSession, openPrisma } from "./accounts";
import { fuzzForms, type FuzzRow } from "./fuzz-forms";
import { fuzzRoutes } from "./fuzz-http";
import { count, type Check, type PhaseResult, type Table } from "./report";
import { loadFixtures } from "./routes";

export type FuzzOptions = { runs: number; concurrency: number; seed: number };

function statusText(statuses: Map<number, number>): string {
  return [...statuses].sort(([a], [b]) => a - b).map(([s, n]) => `${s === 0 ? "sans réponse" : s} × ${n}`).join(", ");
}

const fivexx = (r: FuzzRow) => [...r.statuses].filter(([s]) => s >= 500 || s === 0).reduce((n, [, k]) => n + k, 0);

function table(rows: FuzzRow[], first: string): Table {
  return {
    header: [first, "Où", "Essais", "Statuts", "5xx"],
    rows: rows.map((r) => [r.name, `${r.where}${r.note ? ` — ${r.note}` : ""}`, String(r.runs), statusText(r.statuses), String(fivexx(r))]),
  };
}

export async function runFuzz(databaseUrl: string, options: FuzzOptions, log: Log): Promise<PhaseResult> {
  const prisma = openPrisma(databaseUrl);
  try {
    const fixtures = await loadFixtures(prisma);
    const session = async (role: Parameters<typeof createAccount>[1], scope: Parameters<typeof createAccount>[2]) =>
      directSession(prisma, (await createAccount(prisma, role, scope, "fuzz")).id);
    const cookies = {
      DEPARTMENT_EDITOR: await session("DEPARTMENT_EDITOR", { departmentCode: "77" }),
      REGIONAL_OFFICIAL: await session("REGIONAL_OFFICIAL", { regionCode: "11" }),
      NATIONAL_OFFICIAL: await session("NATIONAL_OFFICIAL", {}),
      ADMIN: await session("ADMIN", {}),
    };

    log(`▸ Fuzzing (fast-check, graine ${options.seed}) : les routes, ${options.runs} essais par route d'API (la moitié par page)…`);
    const routes = await fuzzRoutes(fixtures, cookies, options.runs, options.concurrency, options.seed);
    log(`▸ Fuzzing des formulaires : ${options.runs} envois par action serveur…`);
    const forms = await fuzzForms(prisma, fixtures, options.runs, options.concurrency, options.seed);

    const api = routes.filter((r) => r.note === "API");
    const pages = routes.filter((r) => r.note === "page");
    const total = (rows: FuzzRow[]) => rows.reduce((n, r) => n + r.runs, 0);
    const bad = (rows: FuzzRow[]) => rows.filter((r) => fivexx(r) > 0);
    const checks: Check[] = [
      {
        target: "formulaires (toutes les actions serveur) : aucune réponse 500",
        measured: `${count(total(forms))} envois sur ${forms.length} actions ; 5xx : ${bad(forms).map((r) => `${r.name} (${fivexx(r)})`).join(", ") || "aucune"}`,
        met: bad(forms).length === 0,
      },
      {
        target: "API (toutes les routes) : aucune réponse 500",
        measured: `${count(total(api))} requêtes sur ${api.length} routes ; 5xx : ${bad(api).map((r) => `${r.name} (${fivexx(r)})`).join(", ") || "aucune"}`,
        met: bad(api).length === 0,
      },
      {
        target: "pages (paramètres d'URL) : aucune réponse 500",
        measured: `${count(total(pages))} requêtes sur ${pages.length} pages ; 5xx : ${bad(pages).map((r) => `${r.name} (${fivexx(r)})`).join(", ") || "aucune"}`,
        met: bad(pages).length === 0,
      },
    ];
    return {
      title: "c) Fuzzing des formulaires, de l'API et des pages (fast-check)",
      summary: [
        `Graine ${options.seed} (rejouer : --seed ${options.seed}). Valeurs : textes de toute sorte (Unicode, 200 000 caractères, balises, injections), nombres et dates impossibles, champs supprimés, doublés ou ajoutés, fichiers quelconques ; chemins, paramètres, en-têtes et méthodes au hasard ; le plus souvent avec la session du rôle auquel la page s'adresse, sinon sans session, avec une session forgée ou celle d'un autre rôle (éditeur 77, référent ARS 11, pilote national, administrateur).`,
      ],
      tables: [table(forms, "Action serveur"), table(api, "Route d'API"), table(pages, "Page")],
      failures: [...forms, ...routes].flatMap((r) => r.failures.slice(0, 3).map((f) => `${r.name} — ${f}`)),
      checks,
      serverErrors: [],
    };
  } finally {
    await prisma.$disconnect();
  }
}
