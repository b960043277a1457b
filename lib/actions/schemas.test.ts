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
