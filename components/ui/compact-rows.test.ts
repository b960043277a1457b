import { createElement, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ActionScheduleCells, actionScheduleText } from "../actions/action-schedule-cells";
import { DemoShareMark } from "../department/demo-share-mark";
import { mapTableOrder } from "../map/department-map";
import { DemoMark, Provenance } from "./provenance";
import { CompactRows, type CompactColumn, type CompactRow } from "./compact-rows";

function render<const C extends readonly CompactColumn[]>(columns: C, rows: CompactRow<C>[], options: { rowHeader?: number; base?: string; notes?: ReactNode[] } = {}) {
  return renderToStaticMarkup(createElement("table", null, createElement(CompactRows<C>, { columns, rows, ...options })));
}

const demoMark = renderToStaticMarkup(createElement(DemoMark, { compact: true }));

describe("CompactRows", () => {
  it("draws each cell from the texts it shows: row header, links, second lines, amounts, lists", () => {
    const html = render(
      [["as", "font-medium"], ["t", "n"], ["ul"], ["m", "n"], ["ul"], ["ts", "n"]],
      [[["Seine-et-Marne (77)", "/espace/departements/77", "Signé, en cours"], "12,5 %", ["E1 : 50 % (2 fiches)", "E2 : — (1 fiche)"], ["1,2 M€", "1 200 000,00 €"], [], ["40 %", "2 en retard"]]],
    );
    expect(html).toContain('<th scope="row" class="font-medium"><a href="/espace/departements/77">Seine-et-Marne (77)</a><small>Signé, en cours</small></th>');
    expect(html).toContain('<td class="n">12,5 %</td>');
    expect(html).toContain("<li>E1 : 50 % (2 fiches)</li><li>E2 : — (1 fiche)</li>");
    expect(html).toContain('<span title="1 200 000,00 €">1,2 M€</span>');
    expect(html).toContain("<td>—</td>");
    expect(html).toContain('<td class="n">40 %<small>2 en retard</small></td>');
  });

  it("puts the row header where it is told, starts links with the base, and keeps hidden words for screen readers", () => {
    const html = render([["a"], ["ar"]], [[["Ain (01)", "01"], ["Rapport 2025", "01/rapports/2025", " de Ain"]]], { rowHeader: 1, base: "/espace/departements/" });
    expect(html).toContain(
      '<td><a href="/espace/departements/01">Ain (01)</a></td><th scope="row"><a href="/espace/departements/01/rapports/2025">Rapport 2025<span class="sr-only"> de Ain</span></a></th>',
    );
  });

  it("draws a fiche action's calendar, status and progress as the server's cells do, named by the row's title", () => {
    const actions = [
      { startDate: "2025-01-01", endDate: null, status: "IN_PROGRESS", isLate: true, progress: 60 },
      { startDate: null, endDate: "2027-12-31", status: "DONE", isLate: false, progress: 100 },
    ] as const;
    const html = render(
      [["ai", "font-medium"], ["t", "nw"], ["st"], ["pb"]],
      actions.map((a, i) => [[`FA-0${i + 1} — Bilan`, String(i)], actionScheduleText(a), [a.status, a.isLate ? 1 : 0], a.progress]),
      { base: "/a/" },
    );
    expect(html).toContain('<th scope="row" class="font-medium"><a href="/a/0" id="fa0">FA-01 — Bilan</a></th>');
    expect(html).toContain('<a href="/a/1" id="fa1">FA-02 — Bilan</a>');
    actions.forEach((a, i) => {
      const server = renderToStaticMarkup(createElement("tr", null, createElement(ActionScheduleCells, { action: a, titleId: `fa${i}` })));
      expect(html).toContain(server.slice("<tr>".length, -"</tr>".length));
    });
    expect(html).toContain('aria-labelledby="av fa1" aria-valuenow="100"');
  });

  it("heads a public fiche action's row with its reference, its title (which names the bar), its purpose and the server's « Source »", () => {
    const source = createElement(Provenance, { sourceUrl: "https://example.org/contrat.pdf", isDemo: false });
    const html = render(
      [["fa"], ["t"], ["pb"]],
      [
        [["FA-01", "Repérage précoce", "Former les professionnels"], "O1", 20],
        [["FA-02", "Bilan de santé", null], "—", 0],
      ],
      { notes: [source, null] },
    );
    expect(html).toContain(`<th scope="row"><small>FA-01</small><b id="fa0">Repérage précoce</b><p>Former les professionnels</p>${renderToStaticMarkup(source)}</th><td>O1</td>`);
    expect(html).toContain('<th scope="row"><small>FA-02</small><b id="fa1">Bilan de santé</b></th><td>—</td>');
    expect(html).toContain('aria-labelledby="av fa1" aria-valuenow="0"');
  });

  it("draws an indicator's row: its heading and demo mark, a year per column, « — » without class for a year without value", () => {
    const html = render(
      [["ih"], ["iv", "nw"], ["iv", "nw"]],
      [
        [["C1 › O1 › I1", "Enfants suivis", 0], ["< 11", "20", "behind", "En deçà de la cible", 1], null],
        [["C1 › O1 › I2", "Bilans réalisés", 1], null, ["80 %", "75 %", "met", "Cible atteinte", 0]],
      ],
    );
    expect(html).toContain(
      `<th scope="row"><small>C1 › O1 › I1</small>Enfants suivis</th><td class="nw"><span class="v">&lt; 11</span><small>Cible : 20</small><span class="badge-sm bg-orange-100 text-orange-900">En deçà de la cible</span><span class="mt-1 block">${demoMark}</span></td><td>—</td></tr>`,
    );
    expect(html).toContain(
      `<th scope="row"><small>C1 › O1 › I2</small>Bilans réalisés<span class="mt-1 block">${demoMark}</span></th><td>—</td><td class="nw"><span class="v">80 %</span><small>Cible : 75 %</small><span class="badge-sm bg-green-100 text-green-900">Cible atteinte</span></td>`,
    );
  });

  it("draws a department of the national list: its earlier contracts, its amount's demo share", () => {
    const html = render(
      [["ac"], ["md", "n"], ["t", "n"]],
      [
        [["Ain (01)", "/departements/01", 0], ["1,2 M€", null], "45 %"],
        [["Aisne (02)", "/departements/02", 1], ["3 M€", "dont 1 M€ de démonstration"], "—"],
        [["Allier (03)", "/departements/03", 2], ["2 M€", null], "10 %"],
      ],
    );
    expect(html).toContain('<th scope="row"><a href="/departements/01">Ain (01)</a></th><td class="n">1,2 M€</td><td class="n">45 %</td>');
    expect(html).toContain(
      `<th scope="row"><a href="/departements/02">Aisne (02)</a><small>et 1 contrat antérieur</small></th><td class="n">3 M€${renderToStaticMarkup(createElement(DemoShareMark, { label: "dont 1 M€ de démonstration" }))}</td>`,
    );
    expect(html).toContain("<small>et 2 contrats antérieurs</small>");
  });

  it("draws a legend swatch, hatched when there is no data", () => {
    const html = render([["a"], ["sw"]], [[["Ain (01)", "/01"], ["", "aucune donnée"]], [["Aisne (02)", "/02"], ["#123456", "de 0 à 20 %"]]]);
    expect(html).toContain('class="swatch" style="background:repeating-linear-gradient(');
    expect(html).toContain('style="background:#123456"></span> de 0 à 20 %');
  });
});

describe("mapTableOrder", () => {
  it("lists the departments with a value first, each group in its given order", () => {
    const d = (code: string, value: number | null) => ({ code, value });
    expect(mapTableOrder([d("01", null), d("02", 3), d("03", null), d("77", 0), d("976", null)]).map((x) => x.code)).toEqual(["02", "77", "01", "03", "976"]);
  });
});
