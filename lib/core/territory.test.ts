import { describe, expect, it } from "vitest";
import { isDepartmentCode, isDepartmentOrSyntheticCode, normalizeDepartmentCode } from "./territory";

describe("department codes", () => {
  it("accepts two digits but 00, 2A, 2B and 971 to 976", () => {
    for (const code of ["01", "13", "77", "95", "2A", "2B", "971", "974", "976"]) expect(isDepartmentCode(code)).toBe(true);
    for (const code of ["00", "1", "2C", "2a", "977", "970", "100", "077", " 77", ""]) expect(isDepartmentCode(code)).toBe(false);
  });

  it("accepts the bench's three-digit synthetic codes only where asked, never an overseas code as synthetic", () => {
    expect(isDepartmentOrSyntheticCode("100")).toBe(true);
    expect(isDepartmentOrSyntheticCode("000")).toBe(true);
    expect(isDepartmentOrSyntheticCode("77")).toBe(true);
    expect(isDepartmentOrSyntheticCode("1000")).toBe(false);
    for (const code of ["2A", "974", "977"]) expect(isDepartmentOrSyntheticCode(code)).toBe(true);
    for (const code of ["00", "2C", "7", ""]) expect(isDepartmentOrSyntheticCode(code)).toBe(false);
    expect(isDepartmentCode("100")).toBe(false);
  });

  it("normalizes a code from a URL or a form", () => {
    expect(normalizeDepartmentCode("2a")).toBe("2A");
    expect(normalizeDepartmentCode(" 77 ")).toBe("77");
    expect(normalizeDepartmentCode("%32A")).toBe("2A");
    expect(normalizeDepartmentCode("%E0")).toBeNull();
    expect(normalizeDepartmentCode("00")).toBeNull();
  });
});
