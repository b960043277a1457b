// Every sourced value of the seed (`isDemo: false`) keeps its URL, the passage of the source that states it
// and the day it was read; each stored number must appear in that passage, in digits or in French words, so
// that a later edit cannot drift from its source silently.
import { describe, expect, it } from "vitest";
import { isRealIsoDay } from "../../../lib/core/dates";
import { demoContracts } from "./demo-contracts";
import { frameworks } from "./frameworks";
import { NOT_STATED, type Provenance } from "./types";

const MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"];

/** Spaces of every kind become one plain space, so that "8 400 000" matches whatever space the page used. */
const normalise = (text: string) => text.replace(/[\u00a0\u202f\s]+/g, " ");

function group(digits: string, separator: string) {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

/** The ways a French source may write a number: 8400000, 8 400 000, 8.400.000, 8,4 millions, 8,4 M€, 8.4. */
export function numberForms(n: number): string[] {
  const forms = new Set<string>();
  const [whole, decimals] = String(n).split(".");
  const withDecimals = (w: string) => (decimals ? `${w},${decimals}` : w);
  forms.add(withDecimals(whole));
  forms.add(withDecimals(group(whole, " ")));
  if (!decimals) forms.add(group(whole, "."));
  if (Number.isInteger(n) && n >= 1_000_000 && n % 10_000 === 0) {
    const millions = String(n / 1_000_000);
    forms.add(`${millions.replace(".", ",")} million`);
    forms.add(`${millions.replace(".", ",")} M`);
    if (millions.includes(".")) forms.add(millions);
  }
  return [...forms];
}

export function quoteStates(quote: string, n: number) {
  const text = normalise(quote);
  return numberForms(n).some((form) => new RegExp(`(?<!\\d[ .,]?)${form.replace(/[.]/g, "\\.")}(?![ .,]?\\d)`).test(text));
}

function frenchDay(iso: string) {
  const [, month, day] = iso.split("-").map(Number);
  return `${day === 1 ? "1er" : day} ${MONTHS[month - 1]}`;
}

type Checked = { where: string; record: Provenance; numbers: number[]; days?: string[] };

function sourcedRecords(): Checked[] {
  const out: Checked[] = [];
  for (const f of frameworks) {
    out.push({ where: `cadre ${f.code}`, record: f, numbers: [f.startYear] });
    for (const c of f.commitments) {
      out.push({ where: `cadre ${f.code} ${c.code}`, record: c, numbers: [] });
      for (const o of c.objectives) {
        out.push({ where: `cadre ${f.code} ${o.code}`, record: o, numbers: [] });
        for (const i of o.indicators) out.push({ where: `cadre ${f.code} ${i.code}`, record: i, numbers: [] });
      }
    }
  }
  for (const c of demoContracts) {
    const at = `contrat ${c.departmentCode}`;
    out.push({ where: at, record: c, numbers: [], days: c.signedOn ? [c.signedOn] : [] });
    for (const a of c.amounts) out.push({ where: `${at} montant ${a.party}`, record: a, numbers: [a.amount] });
    for (const am of c.amendments ?? []) {
      out.push({ where: `${at} avenant ${am.year}`, record: am, numbers: [], days: am.signedOn ? [am.signedOn] : [] });
      for (const a of am.amounts) out.push({ where: `${at} avenant ${am.year} ${a.funder}`, record: a, numbers: [a.amount] });
    }
    for (const a of c.actions) out.push({ where: `${at} ${a.reference}`, record: a, numbers: [] });
    for (const f of c.contextFigures) {
      const numbers = [f.childProtectionBudget, f.childrenFollowedByAse, f.disabilitySharePercent].filter((n): n is number => n !== undefined);
      out.push({ where: `${at} chiffres ${f.year}`, record: f, numbers });
    }
  }
  return out.filter((r) => !r.record.isDemo);
}

/** The office a signatory text names: « La préfète des Alpes-de-Haute-Provence » → « préfète ». */
export function signatoryOffice(signatory: string): string | null {
  return /^(?:le|la|l')\s*(.+?)\s+(?:de|des|du|d')\b/i.exec(signatory)?.[1] ?? null;
}

describe("numberForms", () => {
  it("finds a number written in digits, with French grouping or in millions", () => {
    expect(quoteStates("l’Etat s’engage à hauteur de 8,4 millions d’euros", 8_400_000)).toBe(true);
    expect(quoteStates("pour 4,3 M€.", 4_300_000)).toBe(true);
    expect(quoteStates("une enveloppe de 800.000 euros par an", 800_000)).toBe(true);
    expect(quoteStates("de 2 551 284 €", 2_551_284)).toBe(true);
    expect(quoteStates("des 6\u00a0400 enfants", 6_400)).toBe(true);
  });
  it("does not take a different number, nor a part of a longer one", () => {
    expect(quoteStates("8,4 millions d’euros", 8_300_000)).toBe(false);
    expect(quoteStates("1 282 181 €", 282_181)).toBe(false);
    expect(quoteStates("15,4 M€", 5_400_000)).toBe(false);
  });
});

describe("sourced seed values", () => {
  const records = sourcedRecords();

  it("are there to check (the demo keeps sourced facts)", () => {
    expect(records.length).toBeGreaterThan(30);
  });

  it.each(records.map((r) => [r.where, r] as const))("%s: URL, quote and reading day", (_where, r) => {
    expect(r.record.sourceUrl).toMatch(/^https:\/\//);
    expect(r.record.sourceQuote?.trim().length ?? 0).toBeGreaterThan(10);
    expect(isRealIsoDay(r.record.sourceCheckedOn ?? "")).toBe(true);
  });

  it.each(records.filter((r) => r.numbers.length > 0 || (r.days ?? []).length > 0).map((r) => [r.where, r] as const))(
    "%s: every stored number and day is in its quote",
    (_where, r) => {
      for (const n of r.numbers) expect(quoteStates(r.record.sourceQuote ?? "", n), `${n} in « ${r.record.sourceQuote} »`).toBe(true);
      for (const d of r.days ?? []) expect(normalise(r.record.sourceQuote ?? "")).toContain(frenchDay(d));
    },
  );
});

describe("sourced contracts: place and signatories", () => {
  const sourced = demoContracts.filter((c) => !c.isDemo);

  it("reads the office a signatory text names", () => {
    expect(signatoryOffice("La préfète des Alpes-de-Haute-Provence")).toBe("préfète");
    expect(signatoryOffice("La déléguée territoriale de l'ARS Provence-Alpes-Côte d'Azur")).toBe("déléguée territoriale");
    expect(signatoryOffice("Le président du conseil départemental du Nord")).toBe("président");
  });

  it.each(sourced.map((c) => [c.departmentCode, c] as const))("contrat %s: a place only if its quote names it", (_code, c) => {
    if (c.signedPlace) expect(normalise(c.sourceQuote ?? "")).toContain(c.signedPlace);
  });

  it.each(sourced.map((c) => [c.departmentCode, c] as const))("contrat %s: each signatory stated by its quote, or « non renseigné »", (_code, c) => {
    for (const signatory of [c.stateSignatory, c.arsSignatory, c.departmentSignatory]) {
      if (signatory === NOT_STATED) continue;
      const office = signatoryOffice(signatory);
      expect(office, signatory).not.toBeNull();
      expect(normalise(c.sourceQuote ?? "").toLowerCase(), `${signatory} in « ${c.sourceQuote} »`).toContain(office!.toLowerCase());
    }
  });

  it("keeps no guessed fact: Lieusaint and the signatories of 03, 59 and 71 are not stated by any stored source", () => {
    const byCode = new Map(demoContracts.filter((c) => c.wave !== 2025).map((c) => [c.departmentCode, c]));
    expect(byCode.get("77")!.signedPlace).toBeUndefined();
    for (const code of ["03", "59", "71"]) {
      const c = byCode.get(code)!;
      expect([c.stateSignatory, c.arsSignatory, c.departmentSignatory]).toEqual([NOT_STATED, NOT_STATED, NOT_STATED]);
    }
  });
});
