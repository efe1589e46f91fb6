// The one table printed when the devnet is ready: URLs, contract addresses, accounts with keys.
export type Section = { title: string; rows: readonly (readonly string[])[] };

export function renderTable(sections: readonly Section[]): string {
  const lines: string[] = [];
  for (const section of sections) {
    const widths: number[] = [];
    for (const row of section.rows) {
      for (const [i, cell] of row.entries()) widths[i] = Math.max(widths[i] ?? 0, cell.length);
    }
    const total = widths.reduce((a, b) => a + b + 2, 0);
    lines.push("", `${section.title}`, "-".repeat(Math.max(section.title.length, total)));
    for (const row of section.rows)
      lines.push(
        row
          .map((cell, i) => cell.padEnd(widths[i] ?? 0))
          .join("  ")
          .trimEnd(),
      );
  }
  return lines.join("\n");
}
