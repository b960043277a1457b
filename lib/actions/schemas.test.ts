import { describe, expect, it } from "vitest";
import { isActionLate } from "./schemas";

const today = new Date("2026-11-23T10:00:00Z");

describe("isActionLate", () => {
  it("flags an action in progress whose end date has passed", () => {
    expect(isActionLate({ status: "IN_PROGRESS", endDate: "2022-12-31" }, today)).toBe(true);
    expect(isActionLate({ status: "NOT_STARTED", endDate: "2026-11-22" }, today)).toBe(true);
  });
  it("never flags a done or abandoned action", () => {
    expect(isActionLate({ status: "DONE", endDate: "2020-01-01" }, today)).toBe(false);
    expect(isActionLate({ status: "ABANDONED", endDate: "2020-01-01" }, today)).toBe(false);
  });
  it("does not flag an action ending today or later, or without an end date", () => {
    expect(isActionLate({ status: "IN_PROGRESS", endDate: "2026-11-23" }, today)).toBe(false);
    expect(isActionLate({ status: "IN_PROGRESS", endDate: null }, today)).toBe(false);
  });
});

import { ActionFieldsSchema } from "./schemas";

describe("ActionFieldsSchema", () => {
  const valid = { title: "Maison des 1 000 jours", status: "IN_PROGRESS", progress: "40", startDate: "2021-01-01", endDate: "2022-12-31" };

  it("accepts a form's strings and turns empty fields into null", () => {
    const parsed = ActionFieldsSchema.parse({ ...valid, purpose: "", partners: "  " });
    expect(parsed.progress).toBe(40);
    expect(parsed.purpose).toBeNull();
    expect(parsed.partners).toBeNull();
  });

  it("says in French what is wrong, next to the field", () => {
    const result = ActionFieldsSchema.safeParse({ ...valid, title: "x", progress: "140", endDate: "2020-01-01" });
    expect(result.success).toBe(false);
    const errors = result.error!.flatten().fieldErrors;
    expect(errors.title).toEqual(["L'intitulé doit compter au moins 3 caractères."]);
    expect(errors.progress).toEqual(["L'avancement ne dépasse pas 100 %."]);
  });

  it("refuses an end before the start, and a done action below 100 %", () => {
    expect(ActionFieldsSchema.safeParse({ ...valid, endDate: "2020-12-31" }).error?.flatten().fieldErrors.endDate).toEqual([
      "La date de fin doit suivre la date de début.",
    ]);
    expect(ActionFieldsSchema.safeParse({ ...valid, status: "DONE", progress: "80" }).error?.flatten().fieldErrors.progress).toEqual([
      "Une action réalisée est avancée à 100 %.",
    ]);
  });

  it("refuses an unknown status and an impossible date", () => {
    const result = ActionFieldsSchema.safeParse({ ...valid, status: "LATE", startDate: "2021-02-31" });
    const errors = result.error!.flatten().fieldErrors;
    expect(errors.status).toEqual(["Choisissez un statut dans la liste."]);
    expect(errors.startDate).toBeDefined();
  });
});
