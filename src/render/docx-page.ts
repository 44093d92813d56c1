// The page of a 公文-like Word document (GB/T 9704): A4, the standard margins, and the page number
// centred at the foot as 「— n —」. Shared by the notices and the annual report.
import {
  AlignmentType,
  Footer,
  PageNumber,
  Paragraph,
  TextRun,
  convertMillimetersToTwip,
  type ISectionOptions,
} from 'docx';

/** The page number's font: 宋体 for every script, 四号 (14 pt = 28 half-points). */
const NUMBER_FONT = { ascii: '宋体', hAnsi: '宋体', eastAsia: '宋体', cs: '宋体' };
const PAGE_NUMBER_SIZE = 28;

/** One section on A4 with the 公文 margins and the 「— n —」 footer. */
export function officialPageSection(children: ISectionOptions['children']): ISectionOptions {
  const mm = convertMillimetersToTwip;
  return {
    properties: {
      page: {
        size: { width: mm(210), height: mm(297) },
        margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26), footer: mm(28) },
      },
    },
    footers: {
      default: new Footer({
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [
              new TextRun({
                children: ['— ', PageNumber.CURRENT, ' —'],
                font: NUMBER_FONT,
                size: PAGE_NUMBER_SIZE,
              }),
            ],
          }),
        ],
      }),
    },
    children,
  };
}
