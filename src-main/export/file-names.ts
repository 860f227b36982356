// The name a save dialog suggests: what was exported and today's date, "table-2026-01-05.xlsx".

export function suggestedName(stem: string, extension: string, ms: number): string {
  const date = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${stem}-${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}.${extension}`;
}
