// What fast-check throws at the forms and the API: text of every kind, numbers written every way,
// dates real and impossible, markup and injections, huge and empty values, files that are not what
// they claim. Used by the HTTP fuzzing of the script.
import fc from "fast-check";

const HUGE = "a".repeat(200_000);

/** Values people (and robots) really type, or paste. */
const tricky = fc.constantFrom(
  "",
  " ",
  "\t\n",
  "0",
  "-0",
  "-1",
  "1",
  "100",
  "101",
  "12.5",
  "12,5",
  "1 234,56",
  "1 234,567",
  "1.234,56",
  "1e308",
  "-1e308",
  "1e-7",
  "NaN",
  "Infinity",
  "99999999999999999999999",
  "0x10",
  "2021",
  "2024-02-29",
  "2023-02-29",
  "2024-13-01",
  "0000-00-00",
  "9999-12-31",
  "31/12/2024",
  "2024-01-01T00:00:00Z",
  "true",
  "on",
  "null",
  "undefined",
  "[]",
  "{}",
  "__proto__",
  "constructor",
  "toString",
  "<script>alert(1)</script>",
  "' OR 1=1 --",
  "\"; DROP TABLE \"Action\"; --",
  "=HYPERLINK(\"http://x\")",
  "\u0000",
  "\u202e\u0301",
  "💥👨‍👩‍👧",
  "https://",
  "https://exemple.fr/source",
  "javascript:alert(1)",
  "http://127.0.0.1:1/",
  "77",
  "2A",
  "971",
  "FA-01",
  "STATE_P304",
  "IN_PROGRESS",
  "DONE",
  "ADMIN",
  "APPROVED",
  "SENT_BACK",
  "a@b",
  "agent@exemple.fr",
  "é".repeat(3000),
  HUGE,
);

export const fuzzText: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: tricky },
  { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 2, arbitrary: fc.integer().map(String) },
  { weight: 1, arbitrary: fc.double().map(String) },
  { weight: 1, arbitrary: fc.bigInt().map(String) },
  { weight: 1, arbitrary: fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)) },
);

/** A file part: random bytes, text, a broken spreadsheet, nothing at all. */
export const fuzzFile: fc.Arbitrary<{ name: string; type: string; content: Uint8Array }> = fc.record({
  name: fc.oneof(fc.constantFrom("import.csv", "import.xlsx", "x", "", "../../etc/passwd", "é.csv"), fc.string({ maxLength: 30 })),
  type: fc.constantFrom("text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/octet-stream", "", "image/png"),
  content: fc.oneof(
    fc.uint8Array({ maxLength: 2000 }),
    fc.array(fc.array(fuzzText.map((s) => s.slice(0, 200)), { maxLength: 8 }).map((r) => r.join(";")), { maxLength: 20 }).map((lines) => new TextEncoder().encode(lines.join("\n"))),
    fc.constant(new TextEncoder().encode("Référence;Intitulé;Statut;Avancement (%)\nFA-01;=1+1;En cours;50\n")),
    fc.constant(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00])), // the start of a zip, cut short
    fc.constant(new Uint8Array(0)),
  ),
});

/** How one fuzzed submission changes a form: each field replaced, dropped or doubled, extra fields and files. */
export type Mutation = {
  replace: Record<string, string>;
  drop: string[];
  duplicate: string[];
  extra: [string, string][];
  files: { field: string; name: string; type: string; content: Uint8Array }[];
};

export function mutationOf(fieldNames: string[], fileFields: string[]): fc.Arbitrary<Mutation> {
  const names = fieldNames.length > 0 ? fieldNames : ["champ"];
  return fc.record({
    replace: fc.dictionary(fc.constantFrom(...names), fuzzText, { maxKeys: Math.max(1, names.length) }),
    drop: fc.subarray(names, { maxLength: Math.min(2, names.length) }),
    duplicate: fc.subarray(names, { maxLength: 1 }),
    extra: fc.array(fc.tuple(fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom("__proto__", "$ACTION_ID_x", "id", "version")), fuzzText), { maxLength: 2 }),
    files: fc.array(
      fc.tuple(fc.constantFrom(...(fileFields.length > 0 ? fileFields : ["fichier"])), fuzzFile).map(([field, f]) => ({ field, ...f })),
      { maxLength: fileFields.length > 0 ? 2 : 1 },
    ),
  });
}

/** `n` values of an arbitrary, reproducible from the seed printed with the results. */
export function samples<T>(arbitrary: fc.Arbitrary<T>, n: number, seed: number): T[] {
  return fc.sample(arbitrary, { numRuns: n, seed });
}
