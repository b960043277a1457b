// A small JSON Schema (2020-12) validator for the subset the OpenAPI document uses: type (with integer
// and null), enum, const, properties, required, additionalProperties, items, anyOf, oneOf, allOf, $ref to
// "#/…", minimum, maximum, exclusiveMinimum, exclusiveMaximum, minLength, maxLength, pattern, minItems,
// maxItems, format (date, date-time, uri). Any other keyword makes it fail loudly rather than pass silently.

type Schema = boolean | Record<string, unknown>;

const KNOWN = new Set([
  "type", "enum", "const", "properties", "required", "additionalProperties", "items", "anyOf", "oneOf", "allOf", "$ref",
  "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "minLength", "maxLength", "pattern", "minItems", "maxItems",
  "format", "description", "title", "default", "examples", "$schema", "$id", "deprecated", "readOnly", "writeOnly",
]);

const FORMATS: Record<string, (v: string) => boolean> = {
  date: (v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)),
  "date-time": (v) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i.test(v) && !Number.isNaN(Date.parse(v)),
  uri: (v) => /^[a-z][a-z0-9+.-]*:/i.test(v),
};

function typeOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}

function matchesType(value: unknown, type: string): boolean {
  switch (type) {
    case "integer":
      return typeof value === "number" && Number.isInteger(value);
    case "number":
      return typeof value === "number" && Number.isFinite(value);
    case "object":
      return typeOf(value) === "object";
    default:
      return typeOf(value) === type;
  }
}

function resolve(root: unknown, ref: string): Schema {
  if (!ref.startsWith("#/")) throw new Error(`$ref non pris en charge : ${ref}`);
  let node: unknown = root;
  for (const part of ref.slice(2).split("/")) {
    node = (node as Record<string, unknown>)?.[part.replaceAll("~1", "/").replaceAll("~0", "~")];
    if (node === undefined) throw new Error(`$ref introuvable : ${ref}`);
  }
  return node as Schema;
}

/** Validates `value` against `schema`, $refs resolved in `root`. Returns the errors (empty: valid). */
export function validateJsonSchema(value: unknown, schema: Schema, root: unknown = schema, path = "$"): string[] {
  if (schema === true) return [];
  if (schema === false) return [`${path} : aucune valeur permise`];
  for (const key of Object.keys(schema)) if (!KNOWN.has(key)) throw new Error(`Mot-clé JSON Schema non pris en charge : ${key} (${path})`);
  const errors: string[] = [];
  const s = schema as Record<string, unknown>;

  if (typeof s.$ref === "string") errors.push(...validateJsonSchema(value, resolve(root, s.$ref), root, path));
  if (s.type !== undefined) {
    const types = Array.isArray(s.type) ? (s.type as string[]) : [s.type as string];
    if (!types.some((t) => matchesType(value, t))) return [...errors, `${path} : type ${typeOf(value)} au lieu de ${types.join("|")}`];
  }
  if (Array.isArray(s.enum) && !s.enum.some((e) => e === value)) errors.push(`${path} : ${JSON.stringify(value)} hors de l'énumération`);
  if ("const" in s && s.const !== value) errors.push(`${path} : ${JSON.stringify(value)} ≠ ${JSON.stringify(s.const)}`);
  if (Array.isArray(s.anyOf) && !(s.anyOf as Schema[]).some((sub) => validateJsonSchema(value, sub, root, path).length === 0)) {
    errors.push(`${path} : ne correspond à aucune des formes possibles (anyOf)`);
  }
  if (Array.isArray(s.oneOf) && (s.oneOf as Schema[]).filter((sub) => validateJsonSchema(value, sub, root, path).length === 0).length !== 1) {
    errors.push(`${path} : doit correspondre à exactement une forme (oneOf)`);
  }
  if (Array.isArray(s.allOf)) for (const sub of s.allOf as Schema[]) errors.push(...validateJsonSchema(value, sub, root, path));

  if (typeof value === "number") {
    if (typeof s.minimum === "number" && value < s.minimum) errors.push(`${path} : ${value} < ${s.minimum}`);
    if (typeof s.maximum === "number" && value > s.maximum) errors.push(`${path} : ${value} > ${s.maximum}`);
    if (typeof s.exclusiveMinimum === "number" && value <= s.exclusiveMinimum) errors.push(`${path} : ${value} ≤ ${s.exclusiveMinimum}`);
    if (typeof s.exclusiveMaximum === "number" && value >= s.exclusiveMaximum) errors.push(`${path} : ${value} ≥ ${s.exclusiveMaximum}`);
  }
  if (typeof value === "string") {
    if (typeof s.minLength === "number" && [...value].length < s.minLength) errors.push(`${path} : trop court`);
    if (typeof s.maxLength === "number" && [...value].length > s.maxLength) errors.push(`${path} : trop long`);
    if (typeof s.pattern === "string" && !new RegExp(s.pattern).test(value)) errors.push(`${path} : « ${value} » ne suit pas ${s.pattern}`);
    if (typeof s.format === "string") {
      const check = FORMATS[s.format];
      if (!check) throw new Error(`Format non pris en charge : ${s.format}`);
      if (!check(value)) errors.push(`${path} : « ${value} » n'est pas au format ${s.format}`);
    }
  }
  if (Array.isArray(value)) {
    if (typeof s.minItems === "number" && value.length < s.minItems) errors.push(`${path} : moins de ${s.minItems} éléments`);
    if (typeof s.maxItems === "number" && value.length > s.maxItems) errors.push(`${path} : plus de ${s.maxItems} éléments`);
    if (s.items !== undefined) value.forEach((item, i) => errors.push(...validateJsonSchema(item, s.items as Schema, root, `${path}[${i}]`)));
  }
  if (typeOf(value) === "object") {
    const object = value as Record<string, unknown>;
    const properties = (s.properties ?? {}) as Record<string, Schema>;
    for (const key of (s.required as string[] | undefined) ?? []) if (!(key in object)) errors.push(`${path} : champ requis « ${key} » absent`);
    for (const [key, child] of Object.entries(object)) {
      if (key in properties) errors.push(...validateJsonSchema(child, properties[key], root, `${path}.${key}`));
      else if (s.additionalProperties === false) errors.push(`${path} : champ non prévu « ${key} »`);
      else if (typeof s.additionalProperties === "object") errors.push(...validateJsonSchema(child, s.additionalProperties as Schema, root, `${path}.${key}`));
    }
  }
  return errors;
}
