// A notice as a DOCX that an office can open, edit and print in Word or WPS: A4 with the 公文 margins
// of GB/T 9704-2012, title in 方正小标宋简体 二号, body in 仿宋_GB2312 三号 with fixed 28.95 pt lines
// (22 per page) and a two-character first-line indent, 发文字号 above the title, the agency centred
// over the date four characters from the right, page numbers 「— 1 —」 in the footer. The fonts are
// referenced, not embedded: Word and WPS on an office PC have them (or substitute a Song face).
import {
  AlignmentType,
  Document,
  LineRuleType,
  Packer,
  Paragraph,
  TextRun,
  convertMillimetersToTwip,
} from 'docx';
import { officialPageSection } from './docx-page.js';
import type { NoticeDocument } from '../domain/notices/document.js';
import { chineseUpperDate } from '../domain/notices/dates.js';

const BODY_FONT = {
  ascii: 'Times New Roman',
  hAnsi: 'Times New Roman',
  eastAsia: '仿宋_GB2312',
  cs: '仿宋_GB2312',
};
const TITLE_FONT = {
  ascii: 'Times New Roman',
  hAnsi: 'Times New Roman',
  eastAsia: '方正小标宋简体',
  cs: '方正小标宋简体',
};
/** Half-points: 三号 16 pt, 二号 22 pt (the page number's 四号 is in docx-page.ts). */
const BODY_SIZE = 32;
const TITLE_SIZE = 44;
/** One full-width character of the body, in twips (16 pt × 20). */
const CHAR = 320;
/** 22 lines in the 225 mm text height, in twips. */
const BODY_LINE = Math.round(convertMillimetersToTwip(225) / 22);
const TITLE_LINE = 700;

const exactLine = (line: number) => ({ line, lineRule: LineRuleType.EXACT, before: 0, after: 0 });

function bodyParagraph(
  text: string,
  options: { indent?: boolean; align?: 'left' | 'right' } = {},
): Paragraph {
  return new Paragraph({
    alignment: options.align === 'right' ? AlignmentType.RIGHT : AlignmentType.BOTH,
    spacing: exactLine(BODY_LINE),
    ...(options.indent ? { indent: { firstLine: 2 * CHAR } } : {}),
    children: [new TextRun({ text, font: BODY_FONT, size: BODY_SIZE })],
  });
}

const blank = () => bodyParagraph('');

/** Full-width characters count one, others (digits, Latin letters) a half. */
function widthInChars(text: string): number {
  let n = 0;
  for (const ch of text) n += ch.codePointAt(0)! <= 0xff ? 0.5 : 1;
  return n;
}

export async function renderNoticeDocx(doc: NoticeDocument): Promise<Buffer> {
  const children: Paragraph[] = [];
  if (doc.number) {
    children.push(
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        spacing: exactLine(BODY_LINE),
        children: [new TextRun({ text: doc.number, font: BODY_FONT, size: BODY_SIZE })],
      }),
      blank(),
    );
  }
  children.push(
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: exactLine(TITLE_LINE),
      children: [new TextRun({ text: doc.title, font: TITLE_FONT, size: TITLE_SIZE })],
    }),
    blank(),
    bodyParagraph(`${doc.addressee}：`),
    ...doc.paragraphs.map((p) => bodyParagraph(p, { indent: true })),
  );

  // The date four characters from the right; the agency centred over it (GB/T 9704-2012 §7.3.5.1).
  const date = chineseUpperDate(doc.signature.date);
  const dateIndent = 4 * CHAR;
  const agencyIndent = Math.max(
    0,
    Math.round(dateIndent + ((widthInChars(date) - widthInChars(doc.signature.agency)) / 2) * CHAR),
  );
  const signatureLine = (text: string, right: number, keepNext: boolean) =>
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      spacing: exactLine(BODY_LINE),
      indent: { right },
      keepNext,
      children: [new TextRun({ text, font: BODY_FONT, size: BODY_SIZE })],
    });
  children.push(
    blank(),
    blank(),
    signatureLine(doc.signature.agency, agencyIndent, true),
    signatureLine(date, dateIndent, false),
  );
  if (doc.footer && doc.footer.length > 0) {
    children.push(blank(), ...doc.footer.map((line) => bodyParagraph(line, { indent: true })));
  }

  const document = new Document({
    title: doc.title,
    creator: doc.signature.agency,
    styles: { default: { document: { run: { font: BODY_FONT, size: BODY_SIZE } } } },
    sections: [officialPageSection(children)],
  });
  return Packer.toBuffer(document);
}
