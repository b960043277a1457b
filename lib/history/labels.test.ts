import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ENTITY_LABELS, OPERATION_LABELS } from "./labels";

/** Every `entity: "…"` and `operation: "…"` written to the audit by the data layer, read from its sources. */
function written(kind: "entity" | "operation"): Set<string> {
  const found = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (/\.ts$/.test(entry.name) && !/\.test\.ts$/.test(entry.name)) {
        for (const m of readFileSync(file, "utf8").matchAll(new RegExp(`${kind}: "([A-Za-z_-]+)"`, "g"))) found.add(m[1]);
      }
    }
  };
  walk(path.join(__dirname, ".."));
  return found;
}

describe("the history speaks French", () => {
  it("names every operation the data layer writes, report workflow steps included", () => {
    const operations = written("operation");
    expect(operations).toContain("submit");
    for (const op of [...operations, "approve", "adopt", "send-back"]) expect(OPERATION_LABELS[op], op).toMatch(/^[A-ZÀ-Ý]/);
  });

  it("names every kind of record the data layer writes", () => {
    const entities = written("entity");
    expect(entities).toContain("ExecutionReport");
    for (const entity of entities) expect(ENTITY_LABELS[entity], entity).toMatch(/^[A-ZÀ-Ý]/);
  });
});
