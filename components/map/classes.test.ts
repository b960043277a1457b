import { describe, expect, it } from "vitest";
import { plainSpaces } from "@/lib/core/format";
import { classOf, mapClasses } from "./classes";

describe("map classes", () => {
  it("puts each percentage in one class, bounds included at the bottom", () => {
    const classes = mapClasses("percent");
    expect(classOf(classes, 0)?.index).toBe(0);
    expect(classOf(classes, 19.9)?.index).toBe(0);
    expect(classOf(classes, 20)?.index).toBe(1);
    expect(classOf(classes, 80)?.index).toBe(4);
    expect(classOf(classes, 130)?.index).toBe(4); // more paid than notified still lands in the last class
    expect(classOf(classes, null)).toBeNull();
    expect(plainSpaces(classes[4].label)).toBe("80 % et plus");
  });

  it("labels alert counts as whole numbers", () => {
    const classes = mapClasses("count");
    expect(classes.map((c) => plainSpaces(c.label))).toEqual(["0", "de 1 à 2", "de 3 à 5", "de 6 à 10", "11 et plus"]);
    expect(classOf(classes, 2)?.index).toBe(1);
    expect(classOf(classes, 3)?.index).toBe(2);
  });
});
