// Property-based tests (fast-check) of every zod schema of the app: whatever comes in, parsing never
// throws anything but a ZodError, and what is accepted respects the domain (money in whole cents, never
// negative; progress 0 to 100; real dates, in order; positive versions). The schemas are found by
// enumerating the exports of the modules below, and every file of lib/ that imports zod must be listed
// here (or excluded with its reason), so a new schema cannot be forgotten.
import fc from "fast-check";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import * as actions from "./actions/schemas";
import * as coreFields from "./core/fields";
import * as contractMoney from "./admin/contracts/money";
import * as adminContracts from "./admin/contracts/schemas";
import * as adminUsers from "./admin/users/schemas";
import { readOidcConfig } from "./auth/oidc-config";
import { decodeOidcTransient } from "./auth/oidc";
import * as auth from "./auth/schemas";
import * as comments from "./comments/schemas";
import * as contextFigures from "./context-figures/schemas";
import * as funding from "./funding/schemas";
import * as indicators from "./indicators/schemas";
import { COMMON_PARAMS, PARAMS } from "./opendata/resources";
import * as opendata from "./opendata/schemas";
import * as oversight from "./oversight/schemas";
import { mailerFromEnv } from "./reports/mailer";
import * as reports from "./reports/schemas";

const MODULES: Record<string, Record<string, unknown>> = {
  "lib/actions/schemas.ts": actions,
  "lib/admin/contracts/money.ts": contractMoney,
  "lib/admin/contracts/schemas.ts": adminContracts,
  "lib/admin/users/schemas.ts": adminUsers,
  "lib/auth/schemas.ts": auth,
  "lib/comments/schemas.ts": comments,
  "lib/core/fields.ts": coreFields,
  "lib/context-figures/schemas.ts": contextFigures,
  "lib/funding/schemas.ts": funding,
  "lib/indicators/schemas.ts": indicators,
  "lib/opendata/schemas.ts": opendata,
  "lib/oversight/schemas.ts": oversight,
  "lib/reports/schemas.ts": reports,
};

/** Files whose schemas are private: fuzzed through the exported function that parses with them. */
const THROUGH_FUNCTIONS = ["lib/auth/oidc-config.ts", "lib/auth/oidc.ts", "lib/opendata/resources.ts", "lib/reports/mailer.ts"];

/** Files that build schemas without parsing any outside input with them. */
const EXCLUDED: Record<string, string> = {
  "lib/server/env.ts": "the server's environment, parsed once at start: a bad value must stop the server (it throws on purpose)",
  "lib/opendata/cached.ts": "re-wraps PublicContractSchema (fuzzed here) to read the database's own rows",
};

/** Exported functions whose names end like a factory's but that return something else. */
const NOT_FACTORIES = new Set(["partyField", "funderField"]);

/** Factories of schemas, with arguments that cover their variants. */
const FACTORIES: Record<string, unknown[][]> = {
  fundingLineFieldsSchema: [[{ firstYear: 2020, lastYear: 2022 }]],
  indicatorValueFieldsSchema: indicators.INDICATOR_KINDS.map((k) => [k]),
  listResponseSchema: [[opendata.PublicActionSchema]],
  itemResponseSchema: [[opendata.PublicContractSchema]],
  requiredText: [["Intitulé", 200]],
  optionalText: [[300]],
  requiredDate: [["Saisissez la date."]],
  yearField: [["Année"]],
};
/** Exported functions of those modules that return a schema only through the factories above. */
const isSchema = (v: unknown): v is z.ZodType => v instanceof z.ZodType;

/** Imports zod and builds a schema with it (not only z.flattenError or z.toJSONSchema). */
const buildsSchemas = (source: string) =>
  /from "zod"/.test(source) && /\bz\.(object|strictObject|string|number|coerce|enum|preprocess|unknown|array|union|literal|boolean|url|email|bigint|date)\(/.test(source);

function zodFilesOfLib(): string[] {
  const root = path.resolve(__dirname);
  const out: string[] = [];
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const full = path.join(dir, entry);
      if (statSync(full).isDirectory()) {
        if (entry !== "generated") visit(full);
      } else if (/\.tsx?$/.test(entry) && !entry.endsWith(".test.ts") && buildsSchemas(readFileSync(full, "utf8"))) {
        out.push(path.relative(path.resolve(root, ".."), full));
      }
    }
  };
  visit(root);
  return out.sort();
}

/** Every schema to fuzz: exported ones, and those the factories make. */
function allSchemas(): [string, z.ZodType][] {
  const out: [string, z.ZodType][] = [];
  for (const [file, mod] of Object.entries(MODULES)) {
    for (const [name, value] of Object.entries(mod)) {
      if (isSchema(value)) out.push([`${file} ${name}`, value]);
      else if (typeof value === "function" && FACTORIES[name]) {
        for (const args of FACTORIES[name]) out.push([`${file} ${name}(${args.map((a) => (typeof a === "object" ? "…" : String(a))).join(", ")})`, (value as (...a: unknown[]) => z.ZodType)(...args)]);
      }
    }
  }
  return out;
}

// ───────── What is thrown at them ─────────

type Def = { type?: string; shape?: Record<string, z.ZodType>; entries?: Record<string, string>; values?: unknown[] } & Record<string, unknown>;
const defOf = (s: unknown): Def | undefined => (s as { _zod?: { def?: Def } })?._zod?.def;

type Found = { keys: Map<string, Set<string>>; values: Set<string> };

/** Object keys (each with the enum values found under it) and enum values anywhere in a schema (through pipes, defaults, refinements…). */
function harvest(schema: unknown, seen = new Set<unknown>(), found: Found = { keys: new Map(), values: new Set() }): Found {
  const def = defOf(schema);
  if (!def || seen.has(schema)) return found;
  seen.add(schema);
  if (def.type === "object" && def.shape) {
    for (const [k, field] of Object.entries(def.shape)) {
      const own = harvest(field, new Set(), { keys: new Map(), values: new Set() }).values;
      found.keys.set(k, new Set([...(found.keys.get(k) ?? []), ...own]));
    }
  }
  if (def.type === "enum" && def.entries) for (const v of Object.values(def.entries)) found.values.add(String(v));
  if (def.type === "literal" && def.values) for (const v of def.values) found.values.add(String(v));
  for (const v of Object.values(def)) {
    if (defOf(v)) harvest(v, seen, found);
    else if (v && typeof v === "object") for (const inner of Object.values(v as object)) if (defOf(inner)) harvest(inner, seen, found);
  }
  return found;
}

/** Values a form field could plausibly hold, given its name (so that some inputs pass every rule). */
function plausible(key: string): string[] {
  if (/date|^period/i.test(key) || /On$/.test(key)) return ["2021-03-15", "2022-12-31", "2020-01-01"];
  if (/progress/i.test(key)) return ["0", "50", "100"];
  if (/year|annee|wave/i.test(key)) return ["2021", "2022"];
  if (/version|number/i.test(key)) return ["1", "2"];
  if (/amount|budget|cents/i.test(key)) return ["1 234,56", "0", "8 400 000"];
  if (/email/i.test(key)) return ["agent@exemple.fr"];
  if (/password|confirmation/i.test(key)) return ["un-mot-de-passe-solide-2026"];
  if (/url/i.test(key)) return ["https://www.exemple.fr/source"];
  if (/percent|share/i.test(key)) return ["33,5"];
  if (/count|children|baseline|target|actual/i.test(key)) return ["1 200", "12"];
  if (/code/i.test(key)) return ["77", "11"];
  return ["Un texte correct", "Maison des 1 000 jours"];
}

const anyValue = fc.oneof(
  fc.string(),
  fc.string({ unit: "grapheme" }),
  fc.constantFrom("", " ", "-1", "0", "1e309", "NaN", "2024-02-30", "31/12/2024", "1 234,567", "-5,00", "<b>", "\u0000", "__proto__", "x".repeat(20_000)),
  fc.integer(),
  fc.double(),
  fc.bigInt(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.date(),
  fc.array(fc.string(), { maxLength: 3 }),
);

function inputs(schema: z.ZodType, name: string): fc.Arbitrary<unknown> {
  const { keys, values } = harvest(schema);
  const enums = [...values];
  // A field with a list of values takes one of them; the others take what their name suggests.
  const good = (k: string) => (keys.get(k)?.size ? fc.constantFrom(...keys.get(k)!) : fc.constantFrom(...plausible(k)));
  const forKey = (k: string) => fc.oneof({ weight: 6, arbitrary: good(k) }, { weight: 1, arbitrary: fc.constant("") }, { weight: 1, arbitrary: anyValue });
  const shape = (value: (k: string) => fc.Arbitrary<unknown>, required: boolean) =>
    keys.size ? fc.record(Object.fromEntries([...keys.keys()].map((k) => [k, value(k)])), required ? {} : { requiredKeys: [] }) : fc.constant({});
  // A scalar schema also gets what its own name suggests ("YearSchema" → years).
  const scalar = fc.oneof(fc.constantFrom(...plausible(name), ...plausible(""), ...plausible("date"), ...enums, "1", "2021", "12,5", "1 234,56"), anyValue);
  return fc.oneof(
    // Every field plausible (most often accepted, so the invariants are checked), a few fields odd, any shape at all.
    shape(good, true),
    shape(forKey, true),
    fc.tuple(shape(forKey, false), fc.dictionary(fc.string({ maxLength: 6 }), anyValue, { maxKeys: 2 })).map(([a, b]) => ({ ...b, ...a })),
    // Scalars weigh more for a schema without fields: one in 90 runs was accepted, and 300 runs sometimes accepted none.
    { weight: keys.size ? 1 : 4, arbitrary: scalar },
    fc.anything(),
  );
}

// ───────── What an accepted value must respect ─────────

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const realDay = (d: string) => ISO_DAY.test(d) && new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) === d;
const ORDERED: [string, string][] = [
  ["startDate", "endDate"],
  ["periodStart", "periodEnd"],
];

function invariants(value: unknown, where = "$"): string[] {
  if (!value || typeof value !== "object") return [];
  const problems: string[] = [];
  const obj = value as Record<string, unknown>;
  for (const [k, v] of Object.entries(obj)) {
    const at = `${where}.${k}`;
    if (/cents$/i.test(k) || /^amount_/.test(k) || k === "amount" || k === "childProtectionBudget") {
      if (v !== null && v !== undefined) {
        const ok = typeof v === "bigint" ? v >= 0n : typeof v === "number" && Number.isSafeInteger(v) && v >= 0;
        if (!ok) problems.push(`${at}: montant ${String(v)} n'est pas un nombre entier de centimes ≥ 0`);
      }
    }
    if (k === "progress" && v !== null && v !== undefined && !(Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 100)) problems.push(`${at}: avancement ${String(v)} hors de 0–100`);
    if (k === "version" && v !== null && v !== undefined && !(Number.isInteger(v) && (v as number) >= 0)) problems.push(`${at}: version ${String(v)}`);
    if (/(Date|On)$/.test(k) && typeof v === "string" && !realDay(v)) problems.push(`${at}: date ${v} inexistante`);
    if (v && typeof v === "object" && !(v instanceof Date)) problems.push(...invariants(v, at));
  }
  for (const [a, b] of ORDERED) {
    if (typeof obj[a] === "string" && typeof obj[b] === "string" && (obj[a] as string) > (obj[b] as string)) problems.push(`${where}: ${a} ${obj[a]} après ${b} ${obj[b]}`);
  }
  return problems;
}

const SCALAR_RULES: Record<string, (v: unknown) => boolean> = {
  ActionVersionSchema: (v) => Number.isInteger(v) && (v as number) > 0,
  FundingLineVersionSchema: (v) => Number.isInteger(v) && (v as number) > 0,
  ContextVersionSchema: (v) => Number.isInteger(v) && (v as number) > 0,
  ContractVersionSchema: (v) => Number.isInteger(v) && (v as number) > 0,
  versionField: (v) => Number.isInteger(v) && (v as number) > 0,
  ReportVersionSchema: (v) => Number.isInteger(v) && (v as number) >= 0,
  YearSchema: (v) => Number.isInteger(v) && (v as number) >= 2000 && (v as number) <= 2100,
  ContextYearSchema: (v) => Number.isInteger(v) && (v as number) >= 2000 && (v as number) <= 2100,
  EurosSchema: (v) => v === null || (typeof v === "bigint" && v >= 0n),
  optionalEurosField: (v) => v === null || (typeof v === "bigint" && v >= 0n && v <= contractMoney.MAX_CENTS),
  ChildrenCountSchema: (v) => v === null || (Number.isInteger(v) && (v as number) >= 0),
  SharePercentSchema: (v) => v === null || (typeof v === "string" && Number(v) >= 0 && Number(v) <= 100),
  optionalDate: (v) => v === null || (typeof v === "string" && realDay(v)),
};

// ───────── The tests ─────────

describe("tous les schémas zod", () => {
  it("chaque fichier de lib/ qui importe zod est couvert ici, ou exclu avec sa raison", () => {
    const covered = new Set([...Object.keys(MODULES), ...THROUGH_FUNCTIONS, ...Object.keys(EXCLUDED)]);
    expect(zodFilesOfLib().filter((f) => !covered.has(f))).toEqual([]);
  });

  it("chaque fabrique de schéma exportée a ses arguments de test", () => {
    const factories = Object.values(MODULES).flatMap((mod) =>
      Object.entries(mod)
        .filter(([name, v]) => typeof v === "function" && /(Schema|Field|Text|Date)$/.test(name) && !NOT_FACTORIES.has(name))
        .map(([name]) => name),
    );
    expect(factories.filter((name) => !FACTORIES[name])).toEqual([]);
  });

  const schemas = allSchemas();
  it("trouve les schémas", () => {
    expect(schemas.length).toBeGreaterThan(40);
  });

  for (const [name, schema] of schemas) {
    it(`${name} : ne lève jamais d'autre erreur que ZodError, et ce qu'il accepte respecte le domaine`, () => {
      const exportName = name.split(" ")[1].replace(/\(.*$/, "");
      let accepted = 0;
      fc.assert(
        fc.property(inputs(schema, exportName), (input) => {
          let result: ReturnType<typeof schema.safeParse>;
          try {
            result = schema.safeParse(input);
          } catch (error) {
            throw new Error(`safeParse a levé ${String(error)} pour ${fc.stringify(input)}`);
          }
          try {
            schema.parse(input);
          } catch (error) {
            if (!(error instanceof z.ZodError)) throw new Error(`parse a levé ${String(error)} (pas une ZodError)`);
          }
          if (!result.success) return;
          accepted++;
          expect(invariants(result.data)).toEqual([]);
          const rule = SCALAR_RULES[exportName];
          if (rule) expect(rule(result.data), `${exportName} a accepté ${fc.stringify(result.data)}`).toBe(true);
        }),
        { numRuns: 300 },
      );
      // Form and field schemas must accept plausible input, or the invariants above were never checked.
      if (!name.startsWith("lib/opendata/")) expect(accepted, "aucune entrée acceptée : ajoutez des valeurs plausibles").toBeGreaterThan(0);
    });
  }
});

describe("les schémas privés, par les fonctions qui s'en servent", () => {
  it("les paramètres de l'API ouverte répondent ok ou un message, sans lever", () => {
    const params = [...Object.values(PARAMS), ...COMMON_PARAMS];
    fc.assert(
      fc.property(fc.constantFrom(...params), fc.oneof(fc.string(), fc.string({ unit: "binary" }), fc.integer().map(String), fc.constantFrom("0", "-1", "1001", "2A", "2a", "971", "99999999999999999999", " 77 ")), (p, raw) => {
        const r = p.parse(raw);
        if (r.ok) {
          if (p.name === "page") expect(Number.isInteger(r.value) && (r.value as number) >= 1).toBe(true);
          if (p.name === "par_page") expect(Number.isInteger(r.value) && (r.value as number) >= 1 && (r.value as number) <= 1000).toBe(true);
        } else expect(r.message.length).toBeGreaterThan(0);
      }),
      { numRuns: 1000 },
    );
  });

  it("parseOversightParams retombe sur les valeurs par défaut au lieu de lever", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom("cadre", "vague", "annee", "region", "tri", "ordre", "mesure", "x"), fc.oneof(fc.string(), fc.array(fc.string()), fc.constant(undefined))), (raw) => {
        const p = oversight.parseOversightParams(raw);
        expect(oversight.SORT_KEYS).toContain(p.sort);
        expect(["asc", "desc"]).toContain(p.order);
      }),
      { numRuns: 500 },
    );
  });

  it("le cookie OIDC illisible donne null", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string().map((s) => Buffer.from(s).toString("base64url")), fc.json().map((j) => Buffer.from(j).toString("base64url"))), (cookie) => {
        const r = decodeOidcTransient(cookie);
        if (r) expect(r.state.length).toBeGreaterThanOrEqual(22);
      }),
      { numRuns: 500 },
    );
  });

  it("une configuration ProConnect quelconque est lue (off, on ou invalide) sans lever", () => {
    const keys = ["PROCONNECT_ISSUER", "PROCONNECT_CLIENT_ID", "PROCONNECT_CLIENT_SECRET", "PROCONNECT_REDIRECT_URI", "APP_URL", "PROCONNECT_SCOPES", "PROCONNECT_TOKEN_AUTH_METHOD"];
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...keys), fc.oneof(fc.string(), fc.constantFrom("https://proconnect.exemple.fr", "http://127.0.0.1:3199", "openid email", "client_secret_basic"))), (env) => {
        expect(["off", "on", "invalid"]).toContain(readOidcConfig(env).status);
      }),
      { numRuns: 300 },
    );
  });

  it("une configuration SMTP quelconque donne un expéditeur ou null, sans lever", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom("SMTP_HOST", "SMTP_PORT", "SMTP_FROM", "SMTP_USER", "SMTP_PASS", "SMTP_SECURE"), fc.oneof(fc.string(), fc.constantFrom("587", "-1", "true", "smtp.exemple.fr"))), (env) => {
        const mailer = mailerFromEnv(env);
        if (mailer) expect(mailer.from.length).toBeGreaterThanOrEqual(3);
      }),
      { numRuns: 300 },
    );
  });
});
