import type { Language } from "../domain/types.ts";
import type { YearFigures } from "../domain/year-figures.ts";
import { t } from "../i18n/index.ts";

/**
 * The yearly accident figures as a small grouped bar chart (SVG), drawn by Vega-Lite: for the referat's and the
 * inspection folder's PDF. The library is loaded on the first chart only.
 */
export async function yearChartSvg(figures: YearFigures[], language: Language): Promise<string> {
  const [vega, { compile }] = await Promise.all([import("vega"), import("vega-lite")]);
  const series = [
    ["accidents", t(language, "chart.accidents")],
    ["nearMisses", t(language, "chart.near_misses")],
    ["healthDamage", t(language, "chart.health_damage")],
  ] as const;
  const values = figures.flatMap((f) =>
    series.map(([key, label]) => ({ year: String(f.year), label, count: f[key] })),
  );
  const { spec } = compile({
    width: 300,
    height: 120,
    data: { values },
    mark: { type: "bar", tooltip: false },
    encoding: {
      x: { field: "year", type: "ordinal", title: null, axis: { labelAngle: 0 } },
      xOffset: { field: "label", sort: series.map(([, label]) => label) },
      y: { field: "count", type: "quantitative", title: null, axis: { tickMinStep: 1, format: "d" } },
      color: {
        field: "label",
        type: "nominal",
        title: null,
        sort: series.map(([, label]) => label),
        scale: { range: ["#1d6b57", "#8fbcae", "#c4314b"] },
        legend: { orient: "bottom" },
      },
    },
    config: { font: "Noto Sans", view: { stroke: null } },
  });
  const view = new vega.View(vega.parse(spec), { renderer: "none" });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
