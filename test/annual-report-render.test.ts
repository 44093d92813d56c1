// Annual reports as PDFs a person downloads (issue 12): pdftotext reads the title, the section
// headings, the table labels and the figures of both formats; pdffonts shows the Chinese font
// embedded; the entry point answers each format with its media type and file name.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it, test } from 'node:test';
import { renderAnnualReport } from '../src/render/annual-report/index.js';
import { sample2021Report, suzhouReport } from './support/annual-report-samples.js';

const hasPoppler = spawnSync('pdftotext', ['-v']).error === undefined;
const MISSING = 'pdftotext/pdffonts not installed (apt-get install poppler-utils)';

const dir = mkdtempSync(join(tmpdir(), 'annual-report-'));
after(() => rmSync(dir, { recursive: true, force: true }));

async function pdfOf(name: string, report: ReturnType<typeof suzhouReport>): Promise<string> {
  const out = await renderAnnualReport(report, 'pdf');
  assert.equal(out.contentType, 'application/pdf');
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, out.body);
  return file;
}

const run = (cmd: string, args: string[]) => {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
};

/** pdftotext's layout text with all white space removed (labels wrap inside narrow cells). */
const compact = (s: string) => s.replace(/\s+/g, '');

if (!hasPoppler) test.skip(MISSING);
else {
  describe('the PDF of the 2020 Suzhou report (2019 format)', () => {
    let file = '';
    it('renders', async () => {
      file = await pdfOf('suzhou', suzhouReport());
    });

    it('holds the title, the headings, the labels of the three tables and their figures', () => {
      const text = run('pdftotext', ['-layout', file, '-']);
      const flat = compact(run('pdftotext', [file, '-']));
      for (const label of [
        '苏州市人民政府2020年政府信息公开工作年度报告',
        '一、总体情况',
        '（二）依申请公开',
        '二、主动公开政府信息情况',
        '第二十条第（九）项',
        '其他对外管理服务事项',
        '三、收到和处理政府信息公开申请情况',
        '一、本年新收政府信息公开申请数量',
        '5.要求行政机关确认或重新出具已获取信息',
        '（六）其他处理',
        '四、结转下年度继续办理',
        '未经复议直接起诉',
        '复议后起诉',
        '五、存在的主要问题及改进情况',
      ])
        assert.ok(flat.includes(label), `PDF lacks 「${label}」`);
      // Rows as printed, read across: the label, then its figures in column order.
      const line = (label: string) => text.split('\n').find((l) => l.includes(label)) ?? '';
      assert.match(line('一、本年新收'), /2660\s+120\s+10\s+1\s+39\s+3\s+2833/);
      assert.match(line('（七）总计'), /2642\s+119\s+10\s+1\s+39\s+3\s+2814/);
      assert.match(line('其他对外管理服务事项'), /699\s+-29\s+10569008/);
      assert.match(line('594417.23万元'), /1885\s+594417\.23万元/);
      assert.match(text, /64\s+13\s+13\s+11\s+101\s+38\s+6\s+13\s+22\s+79\s+34\s+2\s+2\s+9\s+47/);
    });

    it('embeds its Chinese font', () => {
      const fonts = run('pdffonts', [file]).split('\n').slice(2).filter(Boolean);
      assert.ok(fonts.length > 0);
      for (const f of fonts) assert.match(f, /CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/, f);
      assert.ok(
        fonts.some((f) => /SC|CJK|Hei|Song|Kai/i.test(f)),
        fonts.join('\n'),
      );
    });

    it('numbers its pages 「— n —」 and keeps table 三 on one page', () => {
      const pages = run('pdftotext', ['-layout', file, '-'])
        .split('\f')
        .filter((p) => p.trim());
      pages.forEach((p, i) => assert.match(p, new RegExp(`—\\s*${i + 1}\\s*—`)));
      const withTable3 = pages.filter((p) => /（七）总计|一、本年新收|四、结转下年度/.test(p));
      assert.equal(withTable3.length, 1, 'table 三 is not split over pages');
    });
  });

  describe('the PDF of a 2021-format report', () => {
    it('prints the 2021 labels, the corrected version and its note', async () => {
      const file = await pdfOf('sample2021', sample2021Report());
      const flat = compact(run('pdftotext', [file, '-']));
      for (const label of [
        '本年制发件数',
        '行政规范性文件',
        '本年收费金额（单位：万元）',
        '24518.36',
        '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
        '3.其他',
        '第2版（更正）',
        '更正说明',
      ])
        assert.ok(flat.includes(label), `PDF lacks 「${label}」`);
      assert.ok(!flat.includes('第二十条第（九）项'), 'the 2021 format has no （九） block');
    });
  });
}

describe('renderAnnualReport', () => {
  it('answers every format with its media type and a file name after the title', async () => {
    const report = sample2021Report();
    const html = await renderAnnualReport(report, 'html');
    assert.equal(html.contentType, 'text/html; charset=utf-8');
    assert.match(String(html.body), /^<!doctype html><html lang="zh-CN">/);
    assert.equal(html.fileName, '示例市人民政府2021年政府信息公开工作年度报告（第2版）.html');
    const docx = await renderAnnualReport(report, 'docx');
    assert.equal(docx.contentType, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    assert.equal((docx.body as Buffer).subarray(0, 2).toString(), 'PK');
    const xlsx = await renderAnnualReport(report, 'xlsx');
    assert.equal(xlsx.contentType, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    assert.equal(xlsx.fileName.endsWith('.xlsx'), true);
  });
});
