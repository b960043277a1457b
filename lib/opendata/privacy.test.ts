import { describe, expect, it } from "vitest";
import { formatFreshness, formatParisDateTime, formatPublicCount, isBelowPublicThreshold } from "../core/format";
import { indicatorCountsPeople, withholdSmallCounts } from "./privacy";

describe("formatPublicCount", () => {
  it("shows counts of people below 11 as « < 11 », others in full", () => {
    expect([0, 1, 10].map(formatPublicCount)).toEqual(["< 11", "< 11", "< 11"]);
    expect(formatPublicCount(11)).toBe("11");
    expect(formatPublicCount(1200)).toBe("1\u202f200");
    expect(formatPublicCount(null)).toBe("—");
    expect(isBelowPublicThreshold(null)).toBe(false);
  });
});

describe("formatFreshness", () => {
  it("says when, in Paris time, in French", () => {
    expect(formatParisDateTime("2026-11-23T09:05:00Z")).toBe("23 novembre 2026 à 10 h 05");
    expect(formatParisDateTime("2026-07-01T22:30:00Z")).toBe("2 juillet 2026 à 00 h 30");
    expect(formatParisDateTime("2026-03-01T08:00:00Z")).toBe("1er mars 2026 à 09 h 00");
    expect(formatFreshness("2026-11-23T09:05:00Z")).toBe("Données mises à jour le 23 novembre 2026 à 10 h 05");
    expect(formatFreshness(null)).toBe("Aucune donnée publiée pour l'instant");
  });
});

describe("indicatorCountsPeople", () => {
  const count = (label: string, unit = "nombre") => indicatorCountsPeople({ kind: "COUNT", unit, label });
  it("covers children, young people, families and the measures and visits that concern them", () => {
    for (const label of [
      "Nombre d'enfants confiés hébergés à l'hôtel au 31 décembre",
      "Nombre de jeunes majeurs accompagnés au 31 décembre",
      "Nombre de familles accompagnées par un TISF au titre de la prévention",
      "Nombre d'anciens MNA accompagnés en contrat jeune majeur",
      "Nombre de mesures judiciaires en attente d'exécution au 31 décembre",
      "Nombre de VAD pré et postnatales réalisées par la PMI dans l'année",
      "Nombre d'EPP réalisés par la PMI dans l'année",
      "Nombre de parrainages actifs au 31 décembre",
    ]) {
      expect(count(label), label).toBe(true);
    }
  });
  it("leaves out places, meetings, inspections, schools and staff, and non-count indicators", () => {
    for (const label of [
      "Nombre de lieux d'accueil parents-enfants soutenus",
      "Nombre de réunions de l'ODPE associant des jeunes dans l'année",
      "Nombre d'écoles maternelles couvertes par les BSEM",
      "Nombre d'assistants familiaux recrutés dans l'année",
      "Nombre de professionnels de l'ASE formés dans l'année",
      "Nombre de contrôles d'établissements (MECS, LVA, pouponnières) réalisés",
    ]) {
      expect(count(label), label).toBe(false);
    }
    expect(count("Nombre de places de logement dédiées aux jeunes sortant de l'ASE", "places")).toBe(false);
    expect(indicatorCountsPeople({ kind: "RATE", unit: "%", label: "Taux d'enfants ayant un PPE" })).toBe(false);
  });
});

describe("withholdSmallCounts", () => {
  it("nulls counts below 11 and the figures derived from them, and names them", () => {
    expect(withholdSmallCounts({ children: 7, share: 28.5, budget: 100 }, ["children"], ["share"])).toEqual({
      record: { children: null, share: null, budget: 100 },
      suppressedFields: ["children", "share"],
    });
    expect(withholdSmallCounts({ children: 11, share: 28.5 }, ["children"], ["share"])).toEqual({ record: { children: 11, share: 28.5 }, suppressedFields: [] });
    expect(withholdSmallCounts({ children: 3, share: null }, ["children"], ["share"]).suppressedFields).toEqual(["children"]);
  });
});
