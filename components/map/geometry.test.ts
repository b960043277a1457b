import { describe, expect, it } from "vitest";
import { pathBounds, unionBounds, viewBoxAround } from "./geometry";

describe("map geometry", () => {
  it("follows relative moves and lines, and returns to the subpath start after z", () => {
    expect(pathBounds("m 10,20 5,0 0,5 -5,0 z")).toEqual({ minX: 10, minY: 20, maxX: 15, maxY: 25 });
    // After z the next relative move starts from the first point of the previous subpath.
    expect(pathBounds("m 10,20 5,0 z m -10,-10 1,1 z")).toEqual({ minX: 0, minY: 10, maxX: 15, maxY: 20 });
    expect(pathBounds("m 1.5e1,-2 0,0")).toEqual({ minX: 15, minY: -2, maxX: 15, maxY: -2 });
    expect(pathBounds("")).toBeNull();
  });

  it("frames several boxes with a margin and a minimum size", () => {
    const box = unionBounds([{ minX: 0, minY: 0, maxX: 100, maxY: 50 }, null, { minX: 50, minY: -50, maxX: 120, maxY: 0 }])!;
    expect(box).toEqual({ minX: 0, minY: -50, maxX: 120, maxY: 50 });
    expect(viewBoxAround(box, 0, 0)).toBe("0 -50 120 100");
    expect(viewBoxAround({ minX: 10, minY: 10, maxX: 20, maxY: 20 }, 0, 60)).toBe("-15 -15 60 60");
  });
});
