import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { mapTableOrder } from "../map/department-map";
import { ActionStatusBadge, actionStatusBadges } from "../ui/action-status";
import { CompactRows, type CompactCell, type CompactColumn } from "./compact-rows";

const render = (columns: CompactColumn[], rows: CompactCell[][], rowHeader?: number) => renderToStaticMarkup(createElement("table", null, createElement(CompactRows, { columns, rows, rowHeader })));

describe("CompactRows", () => {
  it("draws each cell from the texts it shows: row header, links, second lines, amounts, lists", () => {
    const html = render(
      [["as", "font-medium"], ["t", "n"], ["ul"], ["m", "n"], ["ul"]],
      [[["Seine-et-Marne (77)", "/espace/departements/77", "Signé, en cours"], "12,5 %", ["E1 : 50 % (2 fiches)", "E2 : — (1 fiche)"], ["1,2 M€", "1 200 000,00 €"], []]],
    );
    expect(html).toContain('<th scope="row" class="font-medium"><a href="/espace/departements/77">Seine-et-Marne (77)</a><small>Signé, en cours</small></th>');
    expect(html).toContain('<td class="n">12,5 %</td>');
    expect(html).toContain("<li>E1 : 50 % (2 fiches)</li><li>E2 : — (1 fiche)</li>");
    expect(html).toContain('<span title="1 200 000,00 €">1,2 M€</span>');
    expect(html).toContain("<td>—</td>");
  });

  it("puts the row header where it is told, and keeps hidden words for screen readers", () => {
    const html = render([["a"], ["ar"]], [[["Ain (01)", "/espace/departements/01"], ["Rapport 2025", "/espace/departements/01/rapports/2025", " de Ain"]]], 1);
    expect(html).toContain('<td><a href="/espace/departements/01">Ain (01)</a></td><th scope="row"><a href="/espace/departements/01/rapports/2025">Rapport 2025<span class="sr-only"> de Ain</span></a></th>');
  });

  it("draws the status badges and the named progress bar as the server components do", () => {
    const html = render([["ai"], ["bd"], ["pb"]], [[["FA-03 — Bilan", "/a/3", "fa2"], actionStatusBadges("IN_PROGRESS", true), [60, "av fa2"]]]);
    expect(html).toContain('<a href="/a/3" id="fa2">FA-03 — Bilan</a>');
    expect(html).toContain(renderToStaticMarkup(createElement(ActionStatusBadge, { status: "IN_PROGRESS", isLate: true })));
    expect(html).toContain('<span role="progressbar" aria-labelledby="av fa2" aria-valuenow="60"><span style="width:60%"></span></span><span>60\u00a0%</span>');
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
