import { describe, expect, it } from "vitest";
import { z } from "zod";
import { IMPLAUSIBLE_DAY_MESSAGE } from "./dates";
import { HTTPS_URL_MESSAGE, VERSION_MESSAGE, emptyToNull, httpsUrlField, optionalDate, optionalText, optionalVersionField, requiredDate, versionField } from "./fields";

const messages = (schema: z.ZodType, value: unknown) => {
  const r = schema.safeParse(value);
  return r.success ? [] : r.error.issues.map((i) => i.message);
};

describe("empty → null", () => {
  it("turns blank text and an absent field into null, nothing else", () => {
    expect(emptyToNull("")).toBeNull();
    expect(emptyToNull("   ")).toBeNull();
    expect(emptyToNull(undefined)).toBeNull();
    expect(emptyToNull("0")).toBe("0");
    expect(emptyToNull(0)).toBe(0);
  });

  it("gives optional text as trimmed text or null", () => {
    expect(optionalText(5).parse("  abc ")).toBe("abc");
    expect(optionalText(5).parse(" ")).toBeNull();
    expect(messages(optionalText(5), "abcdef")).toEqual(["5 caractères au plus."]);
  });
});

describe("day fields", () => {
  it("accept a real day within the plausible range, with one French message otherwise", () => {
    expect(optionalDate.parse("2021-03-01")).toBe("2021-03-01");
    expect(optionalDate.parse("")).toBeNull();
    expect(messages(optionalDate, "2021-02-30")).toEqual(["Cette date n'existe pas."]);
    expect(messages(optionalDate, "1999-12-31")).toEqual([IMPLAUSIBLE_DAY_MESSAGE]);
    expect(messages(optionalDate, "2101-01-01")).toEqual([IMPLAUSIBLE_DAY_MESSAGE]);
    expect(messages(requiredDate("Saisissez la date."), "")).toEqual(["Saisissez la date."]);
    expect(messages(requiredDate("Saisissez la date."), "0021-01-01")).toEqual([IMPLAUSIBLE_DAY_MESSAGE]);
  });
});

describe("https URL", () => {
  it("takes an https address with a domain name, and says the same thing for anything else", () => {
    expect(httpsUrlField.parse(" https://www.insee.fr/fr/statistiques ")).toBe("https://www.insee.fr/fr/statistiques");
    expect(httpsUrlField.parse("")).toBeNull();
    for (const bad of ["http://insee.fr", "ftp://exemple.fr", "https://localhost", "insee.fr"]) expect(messages(httpsUrlField, bad)).toEqual([HTTPS_URL_MESSAGE]);
  });
});

describe("versions", () => {
  it("count from 1; a blank optional version means none yet", () => {
    expect(versionField.parse("3")).toBe(3);
    for (const bad of ["0", "", "-1", "1.5", "abc"]) expect(messages(versionField, bad)).toContain(VERSION_MESSAGE);
    expect(optionalVersionField.parse("")).toBeNull();
    expect(optionalVersionField.parse("2")).toBe(2);
    expect(messages(optionalVersionField, "0")).toEqual([VERSION_MESSAGE]);
  });
});
