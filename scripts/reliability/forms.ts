// The forms of a rendered page as a browser without JavaScript sends them: React renders each server
// action form with hidden fields ($ACTION_REF_n, $ACTION_n:0 naming the action, $ACTION_n:1 its bound
// state, $ACTION_KEY), and POSTing them with the fields to the page runs the action and renders the page
// again with its result. The HTML is React's own output, so a few regular expressions read it reliably.

export type PageForm = {
  /** The server action's id (as in the build's server-reference-manifest.json), when the form has one. */
  actionId: string | null;
  /** Every field in document order, hidden ones included: [name, value]. */
  fields: [string, string][];
  /** The names of its file inputs (not sent unless a file is given). */
  files: string[];
};

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, code: string) => {
    if (code[0] === "#") return String.fromCodePoint(code[1].toLowerCase() === "x" ? parseInt(code.slice(2), 16) : Number(code.slice(1)));
    return ENTITIES[code.toLowerCase()] ?? whole;
  });
}

function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/\s([a-zA-Z$_:][-a-zA-Z0-9$_:.]*)(?:="([^"]*)")?/g)) out[m[1]] = decodeEntities(m[2] ?? "");
  return out;
}

function fieldsOf(body: string, files: string[] = []): [string, string][] {
  const fields: [string, string][] = [];
  const pattern = /<input\b[^>]*>|<textarea\b([^>]*)>([\s\S]*?)<\/textarea>|<select\b([^>]*)>([\s\S]*?)<\/select>/g;
  for (const m of body.matchAll(pattern)) {
    if (m[0].startsWith("<input")) {
      const a = attributes(m[0]);
      if (!a.name || "disabled" in a) continue;
      if ((a.type === "checkbox" || a.type === "radio") && !("checked" in a)) continue;
      if (a.type === "file") files.push(a.name);
      if (a.type === "submit" || a.type === "button" || a.type === "file") continue;
      fields.push([a.name, a.value ?? (a.type === "checkbox" ? "on" : "")]);
    } else if (m[0].startsWith("<textarea")) {
      const a = attributes(m[1]);
      if (a.name) fields.push([a.name, decodeEntities(m[2]).replace(/^\n/, "")]);
    } else {
      const a = attributes(m[3]);
      if (!a.name) continue;
      const options = [...m[4].matchAll(/<option\b([^>]*)>([\s\S]*?)<\/option>/g)].map((o) => ({ attrs: attributes(o[1]), text: decodeEntities(o[2]) }));
      const chosen = options.find((o) => "selected" in o.attrs) ?? options[0];
      if (chosen) fields.push([a.name, chosen.attrs.value ?? chosen.text]);
    }
  }
  return fields;
}

function actionIdOf(fields: [string, string][]): string | null {
  for (const [name, value] of fields) {
    const plain = /^\$ACTION_ID_(.+)$/.exec(name);
    if (plain) return plain[1];
    if (/^\$ACTION_\d+:0$/.test(name)) {
      try {
        return (JSON.parse(value) as { id?: string }).id ?? null;
      } catch {
        return null;
      }
    }
  }
  return null;
}

/** Every <form> of the page with its fields. */
export function extractForms(html: string): PageForm[] {
  return [...html.matchAll(/<form\b[^>]*>([\s\S]*?)<\/form>/g)].map((m) => {
    const files: string[] = [];
    const fields = fieldsOf(m[1], files);
    return { actionId: actionIdOf(fields), fields, files };
  });
}

/** The form of a given action, or null when the page does not show it (to this user, in this state). */
export function findForm(html: string, actionId: string): PageForm | null {
  return extractForms(html).find((f) => f.actionId === actionId) ?? null;
}

/**
 * The hidden fields React renders for a form bound to `useActionState`, for an action the page does not
 * show to this user or in this state (a report not yet submitted…): its request can still be sent.
 */
export function syntheticForm(actionId: string, fields: Record<string, string>): PageForm {
  return {
    actionId,
    fields: [
      ["$ACTION_REF_1", ""],
      ["$ACTION_1:0", JSON.stringify({ id: actionId, bound: "$@1" })],
      ["$ACTION_1:1", JSON.stringify([{ status: "idle" }])],
      ["$ACTION_KEY", "k0"],
      ...Object.entries(fields),
    ],
    files: [],
  };
}

/** The value of a field (the first one of that name). */
export function fieldValue(form: PageForm, name: string): string | undefined {
  return form.fields.find(([n]) => n === name)?.[1];
}

/** The form's fields with some replaced (or added), as a multipart body. */
export function formBody(form: PageForm, changes: Record<string, string> = {}): FormData {
  const body = new FormData();
  const done = new Set<string>();
  for (const [name, value] of form.fields) {
    if (name in changes) {
      if (!done.has(name)) body.append(name, changes[name]);
      done.add(name);
    } else body.append(name, value);
  }
  for (const [name, value] of Object.entries(changes)) if (!done.has(name)) body.append(name, value);
  return body;
}
