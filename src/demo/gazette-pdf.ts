// A small, valid one-page PDF standing in for a demo gazette issue's printed edition: it names the
// issue and says it is synthetic. Built byte by byte (no font embedding: ASCII text in Helvetica),
// so the demo's PDF links download a real PDF without shipping files.

/** Bytes of the demo PDF of an issue. */
export function demoGazettePdf(issue: {
  year: number;
  number: number;
  totalNumber: number | null;
  documents: number;
}): Uint8Array {
  const esc = (s: string) => s.replace(/[\\()]/g, (c) => `\\${c}`);
  const lines = [
    'Jiangnan Municipal Government Gazette',
    `${issue.year} No. ${issue.number}${issue.totalNumber ? ` (No. ${issue.totalNumber} since the first issue)` : ''}`,
    `Documents in this issue: ${issue.documents}`,
    'Synthetic demo file - not a real government document.',
  ];
  const text = lines.map((l, i) => `${i === 0 ? '' : '0 -28 Td '}(${esc(l)}) Tj`).join(' ');
  const content = `BT /F1 16 Tf 72 760 Td ${text} ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out); // ASCII only: one byte a character, offsets hold
}
