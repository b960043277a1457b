import { describe, expect, it } from "vitest";
import { VERSION_MESSAGE } from "../core/fields";
import { changed, diff, parseVersion, sameJson } from "./write";

describe("parseVersion", () => {
  it("takes the version a form was loaded with, from 1", () => {
    expect(parseVersion("3")).toEqual({ ok: true, value: 3 });
    expect(parseVersion(1)).toEqual({ ok: true, value: 1 });
  });

  it("refuses a missing, zero, negative, decimal or typed-over version with one French message on the version field", () => {
    for (const value of [undefined, "", "0", 0, "-1", "1.5", "abc"]) {
      const parsed = parseVersion(value);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.fieldErrors.version).toEqual([VERSION_MESSAGE]);
    }
  });

  it("reads a blank version as none yet where a record may not exist (an indicator value: a creation)", () => {
    expect(parseVersion("", { none: null })).toEqual({ ok: true, value: null });
    expect(parseVersion(undefined, { none: null })).toEqual({ ok: true, value: null });
    expect(parseVersion("4", { none: null })).toEqual({ ok: true, value: 4 });
    expect(parseVersion("0", { none: null }).ok).toBe(false);
  });

  it("reads blank or 0 as a report's version before its first save", () => {
    expect(parseVersion("", { none: 0 })).toEqual({ ok: true, value: 0 });
    expect(parseVersion("0", { none: 0 })).toEqual({ ok: true, value: 0 });
    expect(parseVersion(0, { none: 0 })).toEqual({ ok: true, value: 0 });
    expect(parseVersion("2", { none: 0 })).toEqual({ ok: true, value: 2 });
    expect(parseVersion("-1", { none: 0 }).ok).toBe(false);
  });
});

describe("diff", () => {
  it("keeps only the fields that changed, before and after", () => {
    const d = diff({ title: "A", progress: 10, note: null }, { title: "B", progress: 10, note: null });
    expect(d).toEqual({ before: { title: "A" }, after: { title: "B" } });
    expect(changed(d)).toBe(true);
  });

  it("leaves out the ignored fields, and compares objects by their JSON when asked", () => {
    const before = { version: 1, amounts: [1, 2], title: "A" };
    expect(changed(diff(before, { version: 2, amounts: [1, 2], title: "A" }, { ignore: ["version"], same: sameJson }))).toBe(false);
    expect(diff(before, { version: 2, amounts: [1, 3], title: "A" }, { ignore: ["version"], same: sameJson })).toEqual({ before: { amounts: [1, 2] }, after: { amounts: [1, 3] } });
  });
});
