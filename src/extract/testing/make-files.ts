// Test support: minimal DOCX and PDF files made from lines of cells, so that the extraction step is
// tested on real file formats without shipping binary fixtures.
import { storedZip } from '../zip-guard.js';

/** A stored (uncompressed) ZIP archive — the same writer the DOCX guard hands mammoth. */
export function zip(files: Record<string, string>): Uint8Array {
  const utf8 = new TextEncoder();
  return storedZip(Object.entries(files).map(([name, content]) => ({ name, data: utf8.encode(content) })));
}

export type Block = { paragraph: string } | { table: { text: string; colspan?: number }[][] };

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const run = (s: string) => `<w:p><w:r><w:t xml:space="preserve">${xml(s)}</w:t></w:r></w:p>`;

export function makeDocx(blocks: Block[]): Uint8Array {
  const body = blocks
    .map((b) => {
      if ('paragraph' in b) return run(b.paragraph);
      const rows = b.table.map(
        (r) =>
          `<w:tr>${r.map((c) => `<w:tc><w:tcPr>${c.colspan && c.colspan > 1 ? `<w:gridSpan w:val="${c.colspan}"/>` : ''}</w:tcPr>${run(c.text)}</w:tc>`).join('')}</w:tr>`,
      );
      return `<w:tbl>${rows.join('')}</w:tbl>`;
    })
    .join('');
  const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
  return zip({
    '[Content_Types].xml': `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
    '_rels/.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
    'word/document.xml': `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}"><w:body>${body}</w:body></w:document>`,
  });
}

const hex = (s: string) =>
  [...s].map((ch) => (ch.codePointAt(0) as number).toString(16).padStart(4, '0')).join('');

/**
 * A one-page PDF: each line is a list of text pieces drawn left to right with a gap, in a CID
 * font (Identity-H, code = Unicode) with a ToUnicode map, as Chinese PDFs are made.
 */
export function makePdf(lines: string[][], size = 8): Uint8Array {
  const height = 60 + lines.length * size * 1.6;
  let content = '';
  lines.forEach((cells, i) => {
    let x = 30;
    const y = height - 30 - i * size * 1.6;
    for (const text of cells) {
      content += `BT /F1 ${size} Tf 1 0 0 1 ${x} ${y.toFixed(1)} Tm <${hex(text)}> Tj ET\n`;
      x += [...text].length * size + size * 3;
    }
  });
  const chars = [...new Set(lines.flat().join(''))];
  const cmap = [];
  for (let i = 0; i < chars.length; i += 100) {
    const part = chars.slice(i, i + 100);
    cmap.push(
      `${part.length} beginbfchar\n${part.map((c) => `<${hex(c)}> <${hex(c)}>`).join('\n')}\nendbfchar`,
    );
  }
  const toUnicode = `/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def /CMapName /Adobe-Identity-UCS def /CMapType 2 def 1 begincodespacerange <0000> <FFFF> endcodespacerange\n${cmap.join('\n')}\nendcmap CMapName currentdict /CMap defineresource pop end end`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 1200 ${Math.ceil(height)}] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>`,
    stream(content),
    '<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H /DescendantFonts [6 0 R] /ToUnicode 7 0 R >>',
    '<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 8 0 R /DW 1000 >>',
    stream(toUnicode),
    '<< /Type /FontDescriptor /FontName /SimSun /Flags 4 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 900 /Descent -200 /CapHeight 700 /StemV 80 >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}

function stream(s: string): string {
  return `<< /Length ${Buffer.byteLength(s, 'latin1')} >>\nstream\n${s}\nendstream`;
}

// ——— Hostile files (issue 8): small on the wire, huge once unpacked. ———

/** `total` bytes of `unit` repeated, deflated (raw or zlib) without ever holding them in memory. */
export async function deflateRepeated(unit: string, total: number, raw: boolean): Promise<Buffer> {
  const { createDeflate, createDeflateRaw } = await import('node:zlib');
  const z = raw ? createDeflateRaw({ level: 9 }) : createDeflate({ level: 9 });
  const out: Buffer[] = [];
  z.on('data', (c: Buffer) => out.push(c));
  const chunk = Buffer.from(unit.repeat(Math.max(1, Math.floor((1 << 20) / unit.length))), 'latin1');
  for (let done = 0; done < total; done += chunk.length) {
    const part = total - done >= chunk.length ? chunk : chunk.subarray(0, total - done);
    if (!z.write(part)) await new Promise((r) => z.once('drain', r));
  }
  const ended = new Promise((resolve) => z.once('end', resolve));
  z.end();
  await ended;
  return Buffer.concat(out);
}

/**
 * A DOCX whose word/document.xml is `xmlBytes` of paragraphs, deflated (a 50 MB document is ~50 KB
 * on the wire). `declaredSize` overrides the sizes the archive states for it (a lying header).
 */
export async function makeDocxBomb(xmlBytes: number, declaredSize?: number): Promise<Uint8Array> {
  const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
  const head = `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}"><w:body>`;
  const tail = '</w:body></w:document>';
  const para = '<w:p><w:r><w:t>公开</w:t></w:r></w:p>';
  // One deflate stream: head, the repeated paragraphs, tail (each part deflated on its own would
  // not be one stream), built by concatenating the pieces before deflating them as a whole.
  const { createDeflateRaw } = await import('node:zlib');
  const z = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  z.on('data', (c: Buffer) => out.push(c));
  const paraBytes = Buffer.from(para.repeat(Math.floor((1 << 20) / Buffer.byteLength(para))));
  z.write(Buffer.from(head));
  let size = Buffer.byteLength(head) + Buffer.byteLength(tail);
  for (; size + paraBytes.length <= xmlBytes; size += paraBytes.length) {
    if (!z.write(paraBytes)) await new Promise((r) => z.once('drain', r));
  }
  const ended = new Promise((resolve) => z.once('end', resolve));
  z.end(Buffer.from(tail));
  await ended;
  const deflated = Buffer.concat(out);
  const small = zip({
    '[Content_Types].xml': `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
    '_rels/.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
  });
  return appendDeflatedEntry(small, 'word/document.xml', deflated, declaredSize ?? size);
}

/** Adds one deflated entry to a stored archive made by `zip` (CRC left 0: never checked that far). */
function appendDeflatedEntry(archive: Uint8Array, name: string, data: Buffer, size: number): Uint8Array {
  const b = Buffer.from(archive);
  const eocd = b.length - 22;
  const count = b.readUInt16LE(eocd + 8);
  const dirOffset = b.readUInt32LE(eocd + 16);
  const dirSize = b.readUInt32LE(eocd + 12);
  const nameBytes = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(size, 22);
  local.writeUInt16LE(nameBytes.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(size, 24);
  central.writeUInt16LE(nameBytes.length, 28);
  central.writeUInt32LE(dirOffset, 42);
  const dir = Buffer.concat([central, nameBytes, b.subarray(dirOffset, dirOffset + dirSize)]);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(count + 1, 8);
  end.writeUInt16LE(count + 1, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(dirOffset + local.length + nameBytes.length + data.length, 16);
  // The new entry goes where the directory was; the old entries' offsets stay valid.
  return new Uint8Array(Buffer.concat([b.subarray(0, dirOffset), local, nameBytes, data, dir, end]));
}

/**
 * A one-page PDF whose page content is `contentBytes` of text-drawing operators, deflated
 * (/FlateDecode): 400 MB of content fit in ~1 MB. Valid, so pdf.js reads it for as long as it takes.
 */
export async function makePdfBomb(contentBytes: number): Promise<Uint8Array> {
  const op = 'BT /F1 8 Tf 1 0 0 1 30 30 Tm (0) Tj ET\n';
  const data = await deflateRepeated(op, contentBytes, false);
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 600 800] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    null,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n', 'latin1')];
  const offsets: number[] = [];
  let at = parts[0]!.length;
  objects.forEach((body, i) => {
    const chunk =
      body === null
        ? Buffer.concat([
            Buffer.from(
              `${i + 1} 0 obj\n<< /Length ${data.length} /Filter /FlateDecode >>\nstream\n`,
              'latin1',
            ),
            data,
            Buffer.from('\nendstream\nendobj\n', 'latin1'),
          ])
        : Buffer.from(`${i + 1} 0 obj\n${body}\nendobj\n`, 'latin1');
    offsets.push(at);
    parts.push(chunk);
    at += chunk.length;
  });
  const xref = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${at}\n%%EOF\n`;
  parts.push(Buffer.from(xref, 'latin1'));
  return new Uint8Array(Buffer.concat(parts));
}
