import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { PublicAction } from "@/lib/opendata/schemas";
import { ActionsTable } from "./actions-table";

const action = (n: number): PublicAction => ({
  id: `a${n}`,
  key: `c1:FA-${n}`,
  contractId: "c1",
  departmentCode: "93",
  reference: `FA-${String(n).padStart(2, "0")}`,
  title: `Fiche numéro ${n}`,
  purpose: n % 2 ? `Objet ${n}` : null,
  targetPublic: null,
  lead: "Département",
  partners: n % 3 ? null : "ARS",
  commitmentCode: "E1",
  objectiveCode: `O${(n % 4) + 1}`,
  objectiveTitle: `Objectif ${(n % 4) + 1}`,
  startDate: "2025-01-01",
  endDate: "2025-12-31",
  status: "IN_PROGRESS",
  statusLabel: "En cours",
  progress: n,
  isLate: n % 5 === 0,
  updatedAt: "2025-06-01T00:00:00.000Z",
  sourceUrl: null,
  source: null,
  isDemo: true,
});

const forty = Array.from({ length: 40 }, (_, i) => action(i + 1));
const render = (props: Parameters<typeof ActionsTable>[0]) => renderToStaticMarkup(createElement(ActionsTable, props));
const titles = (html: string) => [...html.matchAll(/<b id="fa\d+">([^<]+)<\/b>/g)].map((m) => m[1]);

describe("the fiches action table of a public page", () => {
  it("shows the first fiches and links to the page listing all of them", () => {
    const html = render({ actions: forty, more: { shown: 10, href: "/departements/93/contrats/c1/fiches-action" } });
    expect(titles(html)).toEqual(forty.slice(0, 10).map((a) => a.title));
    expect(html).toContain('<a href="/departements/93/contrats/c1/fiches-action" class="font-medium text-marianne underline">Voir les 40 fiches action</a>');
    expect(html).toContain("les 10 premières sur 40");
  });

  it("lists every fiche, with what each row said before, when not cut or when few enough", () => {
    for (const html of [render({ actions: forty }), render({ actions: forty.slice(0, 8), more: { shown: 10, href: "/x" } })]) {
      expect(html).not.toContain("Voir les");
    }
    const html = render({ actions: forty });
    expect(titles(html)).toEqual(forty.map((a) => a.title));
    // Reference, purpose, objective, pilot and partners, calendar, status (and late), progress named by its header and title.
    expect(html).toContain("<small>FA-03</small><b id=\"fa2\">Fiche numéro 3</b><p>Objet 3</p>");
    expect(html).toContain("<td>Département, avec : ARS</td>");
    expect(html).toContain(`<td class="nw">01/01/2025 → 31/12/2025</td>`);
    expect(html).toContain('<span class="badges"><span class="badge st-ip">En cours</span><span class="badge st-late">En retard</span></span>');
    expect(html).toContain('aria-labelledby="av fa4" aria-valuenow="5"');
    expect(html).toContain("<dt class=\"font-medium\">O1</dt><dd>Objectif 1</dd>");
  });
});
