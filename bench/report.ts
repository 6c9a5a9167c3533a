import { writeFileSync } from 'node:fs';

/** One part of the benchmark report; every `bench/*.bench.ts` module's `run()` returns one. */
export interface BenchSection {
  title: string;
  markdown: string;
}

/** A GitHub-flavoured markdown table; numeric-looking columns are right-aligned so figures line up. */
export function markdownTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const numeric = headers.map((_, i) => rows.length > 0 && rows.every((r) => /^[-+×x\d.,\s%µ*/]*$/.test(r[i] ?? '')));
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [
    line(headers),
    line(headers.map((_, i) => (numeric[i] ? '---:' : '---'))),
    ...rows.map((r) => line(headers.map((_, i) => r[i] ?? ''))),
  ].join('\n');
}

export function renderReport(header: string, sections: readonly BenchSection[]): string {
  return [header, ...sections.map((s) => `## ${s.title}\n\n${s.markdown.trim()}`)].join('\n\n') + '\n';
}

export function writeReport(file: string, header: string, sections: readonly BenchSection[]): void {
  writeFileSync(file, renderReport(header, sections));
}
