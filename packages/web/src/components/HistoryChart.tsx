// One time series drawn with uPlot (small and fast; canvas), loaded lazily with the views that
// chart history so the first page never carries it. The same figures are in a table under the
// chart for screen readers and keyboard users; the canvas itself is hidden from assistive tech.
import "uplot/dist/uPlot.min.css";
import { useEffect, useRef } from "react";
import uPlot from "uplot";

import { dateTime } from "../lib/format.ts";

export type HistoryChartProps = {
  title: string;
  /** x: unix seconds. */
  times: number[];
  values: number[];
  /** How a value reads in the table. */
  format: (value: number) => string;
  /** How a value reads on the axis, where room is short (defaults to a compact number). */
  axis?: (value: number) => string;
  /** How a point's x reads in the table (defaults to its date). */
  label?: (index: number) => string;
  testId?: string;
};

const canDraw = () =>
  typeof document !== "undefined" && !!document.createElement("canvas").getContext?.("2d");

const compact = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 });
const compactAxis = (v: number) => compact.format(v);

export default function HistoryChart({
  title,
  times,
  values,
  format,
  axis = compactAxis,
  label,
  testId,
}: HistoryChartProps) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el || times.length === 0 || !canDraw()) return;
    const width = () => Math.max(240, el.clientWidth);
    const plot = new uPlot(
      {
        width: width(),
        height: 180,
        legend: { show: false },
        cursor: { drag: { x: false, y: false } },
        scales: { x: { time: true } },
        axes: [{}, { values: (_u, splits) => splits.map(axis), size: 64 }],
        series: [{}, { label: title, stroke: "#2b6cb0", width: 2, points: { show: times.length < 40 } }],
      },
      [times, values],
      el,
    );
    const resize = () => plot.setSize({ width: width(), height: 180 });
    window.addEventListener("resize", resize);
    return () => {
      window.removeEventListener("resize", resize);
      plot.destroy();
    };
  }, [title, times, values, axis]);
  return (
    <figure className="chart card" data-testid={testId}>
      <figcaption>{title}</figcaption>
      <div ref={box} aria-hidden="true" />
      <details>
        <summary>{title}: the figures</summary>
        <table>
          <tbody>
            {times.map((t, i) => (
              <tr key={t}>
                <th scope="row">{label ? label(i) : dateTime(t)}</th>
                <td>{format(values[i] ?? 0)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
