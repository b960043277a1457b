// One person editing fiches action through the real form, without JavaScript: GET the page, POST the
// form's fields (with the version it was loaded with), read the page that comes back. A conflict page
// carries the current version: the next save starts from it, as a user who re-reads would.
import { OUTAGE_TITLE } from "../../lib/health/outage-messages";
import { fieldValue, findForm, formBody, type PageForm } from "./forms";
import { request, type Answer } from "./http";

export type Target = { id: string; reference: string; url: string };

export type WriteKind = "success" | "conflict" | "outage" | "error" | "no-answer";

export type Write = {
  kind: WriteKind;
  status: number;
  ms: number;
  sentAt: number;
  doneAt: number;
  target: string;
  token: string;
  progress: number;
  fromVersion: number;
  detail?: string;
};

const SAVED = "Fiche action enregistrée.";
const CONFLICT = "Quelqu&#x27;un a enregistré une modification entre-temps";

export function isFrenchOutage(answer: Answer): boolean {
  if (answer.status !== 503) return false;
  if ((answer.headers.get("content-type") ?? "").includes("application/json")) {
    try {
      const body = JSON.parse(answer.body) as { error?: { code?: string; message?: string } };
      return body.error?.code === "service_unavailable" && Boolean(body.error.message?.includes("Service momentanément indisponible"));
    } catch {
      return false;
    }
  }
  return answer.body.includes('<html lang="fr">') && answer.body.includes(`<h1>${OUTAGE_TITLE}</h1>`);
}

function classify(answer: Answer): WriteKind {
  if (answer.status === 0) return "no-answer";
  if (answer.status === 200 && answer.body.includes(SAVED)) return "success";
  if (answer.status === 200 && answer.body.includes(CONFLICT)) return "conflict";
  if (isFrenchOutage(answer)) return "outage";
  return "error";
}

export class ActionWriter {
  private forms = new Map<string, PageForm>();
  /** Page loads (the form is read again after an error). */
  reads = 0;

  constructor(
    private readonly cookie: string,
    private readonly actionId: string,
  ) {}

  private async formFor(target: Target): Promise<PageForm | null> {
    const cached = this.forms.get(target.id);
    if (cached) return cached;
    const page = await request(target.url, { cookie: this.cookie });
    this.reads += 1;
    const form = page.status === 200 ? findForm(page.body, this.actionId) : null;
    if (form) this.forms.set(target.id, form);
    return form;
  }

  /** One save of `target` with a progress and a token unique to this write (in "Pilote", to find it in the history). */
  async write(target: Target, token: string, progress: number): Promise<Write | null> {
    const form = await this.formFor(target);
    if (!form) return null;
    const fromVersion = Number(fieldValue(form, "version"));
    const answer = await request(target.url, {
      method: "POST",
      cookie: this.cookie,
      body: formBody(form, { status: "IN_PROGRESS", progress: String(progress), lead: token }),
    });
    const kind = classify(answer);
    // The page that comes back holds the form again, with the saved or the current version.
    const next = kind === "success" || kind === "conflict" ? findForm(answer.body, this.actionId) : null;
    if (next) this.forms.set(target.id, next);
    else this.forms.delete(target.id);
    const detail = kind === "error" ? `HTTP ${answer.status}` : kind === "no-answer" ? answer.error : undefined;
    return { kind, status: answer.status, ms: answer.ms, sentAt: answer.sentAt, doneAt: answer.sentAt + answer.ms, target: target.id, token, progress, fromVersion, detail };
  }
}
