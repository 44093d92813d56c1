// HTML → text in layout (b): each table row becomes one line of cells joined by " | ", and all
// other block content becomes lines of text. Spans (rowspan/colspan) are not expanded: the reader
// follows the sequence of row labels, so a label cell spanning 22 rows only has to appear once,
// before the first row it covers. Empty cells (&nbsp;) stay as empty cells, keeping positions.

const ENTITIES: Record<string, string> = {
  nbsp: ' ',
  ensp: ' ',
  emsp: ' ',
  thinsp: ' ',
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  ldquo: '“',
  rdquo: '”',
  lsquo: '‘',
  rsquo: '’',
  mdash: '—',
  ndash: '–',
  hellip: '…',
  middot: '·',
  times: '×',
  yen: '¥',
  laquo: '«',
  raquo: '»',
  shy: '',
};

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);?/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code =
        name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : ' ';
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

const BLOCK = new Set([
  'p',
  'div',
  'br',
  'li',
  'ul',
  'ol',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'section',
  'article',
  'title',
  'table',
  'tbody',
  'thead',
  'tfoot',
  'caption',
  'hr',
  'blockquote',
  'pre',
  'header',
  'footer',
]);

class LineWriter {
  private lines: string[] = [];
  private line = '';
  private row: string[] | null = null;
  private cell: string | null = null;

  text(s: string): void {
    if (this.cell !== null) this.cell += s;
    else if (this.row === null) this.line += s;
    // Text between cells of a row (whitespace in the markup) carries nothing.
  }

  tag(name: string, closing: boolean): void {
    if (name === 'tr') {
      this.endRow();
      if (!closing) this.row = [];
    } else if (name === 'td' || name === 'th') {
      this.endCell();
      if (!closing) this.startCell();
    } else if (name === 'table' && closing) {
      this.endRow();
    } else if (BLOCK.has(name)) {
      if (this.cell !== null) this.cell += ' ';
      else if (this.row === null) this.breakLine();
    }
  }

  private startCell(): void {
    if (this.row === null) {
      this.breakLine();
      this.row = [];
    }
    this.cell = '';
  }

  private endCell(): void {
    if (this.cell === null) return;
    this.row?.push(this.cell.replace(/\s+/g, ' ').trim());
    this.cell = null;
  }

  private endRow(): void {
    this.endCell();
    if (this.row && this.row.length > 0) this.lines.push(this.row.join(' | ') + ' |');
    this.row = null;
  }

  private breakLine(): void {
    const line = this.line.replace(/\s+/g, ' ').trim();
    if (line) this.lines.push(line);
    this.line = '';
  }

  finish(): string {
    this.endRow();
    this.breakLine();
    return this.lines.join('\n');
  }
}

/** Strips comments, scripts and styles, then walks the tags. Never throws on malformed markup. */
export function htmlToText(html: string): string {
  const cleaned = html
    .replace(/<!--[\s\S]*?(?:-->|$)/g, ' ')
    .replace(/<(script|style|noscript|template)\b[\s\S]*?(?:<\/\1\s*>|$)/gi, ' ');
  const writer = new LineWriter();
  const tagPattern = /<\/?([a-zA-Z][\w:-]*)[^>]*>/g;
  let last = 0;
  for (let m = tagPattern.exec(cleaned); m; m = tagPattern.exec(cleaned)) {
    writer.text(decodeEntities(cleaned.slice(last, m.index)));
    writer.tag((m[1] as string).toLowerCase(), m[0][1] === '/');
    last = tagPattern.lastIndex;
  }
  writer.text(decodeEntities(cleaned.slice(last)));
  return writer.finish();
}

export function looksLikeHtml(s: string): boolean {
  return /<(?:table|tr|td|p|div|html|body|br)\b[^>]*>/i.test(s.slice(0, 200_000));
}
