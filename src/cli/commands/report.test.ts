// `gongkai report check` run as a child process, as scripts run it (docs/report-json.md contract).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { threeYearsGluedMiddle } from '../../domain/reports/series-samples.js';

const MAIN = fileURLToPath(new URL('./testing/report-main.ts', import.meta.url));
const FIXTURES = new URL('../../../test/fixtures/reports/', import.meta.url);
const FIXTURE = fileURLToPath(new URL('2020-suzhou-city.txt', FIXTURES));
let dir = '';

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gongkai-cli-report-'));
});
after(() => rm(dir, { recursive: true, force: true }));

function gongkai(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', MAIN, ...args], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

async function copyWith(name: string, change: (s: string) => string): Promise<string> {
  const text = await readFile(FIXTURE, 'utf8');
  const path = join(dir, name);
  await writeFile(path, change(text));
  return path;
}

describe('gongkai report check', () => {
  it('--json on the fixture: one array, the expected tables, status ok, exit 0', async () => {
    const expected = JSON.parse(await readFile(new URL('2020-suzhou-city.expected.json', FIXTURES), 'utf8'));
    const r = gongkai('report', 'check', FIXTURE, '--json');
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.equal(out.length, 1);
    assert.deepEqual([out[0].file, out[0].status, out[0].missing], [FIXTURE, 'ok', []]);
    assert.deepEqual(out[0].table2, expected.table2);
    const { note: _note, ...table3 } = expected.table3;
    assert.deepEqual(out[0].table3, table3);
    assert.deepEqual(out[0].table4, expected.table4);
    assert.deepEqual(out[0].violations, []);
    assert.match(r.stderr, /通过 1 份/);
  });

  it('--json on a copy with one changed cell names the suspect cell and the value that would fix it', async () => {
    const path = await copyWith('granted.txt', (s) =>
      s.replace('(一)予以公开 |\n1043 |', '(一)予以公开 |\n1044 |'),
    );
    const r = gongkai('report', 'check', path, '--json');
    assert.equal(r.code, 1, r.stderr);
    const [out] = JSON.parse(r.stdout);
    assert.equal(out.status, 'violations');
    // The suspect: the one changed cell, its printed value and the value that makes B1 and B2 hold.
    assert.deepEqual(out.suspects, [
      {
        cell: { table: 'table3', row: 'granted', column: 'natural' },
        value: 1044,
        fix: 1043,
        violations: [0, 1],
        rules: ['B1', 'B2'],
        message:
          '最可能填错的是表三「（一）予以公开」行「自然人」列（填报 1044）：若改为 1043，B1、B2 均成立。',
      },
    ]);
    // Each violation says where it is as data, beside the contract's `where` and Chinese message.
    const [b1, b2] = out.violations;
    assert.deepEqual(
      [b1.where, b1.location.table, b1.location.row, b1.location.column],
      ['table3 column natural', 'table3', null, 'natural'],
    );
    assert.deepEqual(b1.location.sum.minus, [{ table: 'table3', row: 'total', column: 'natural' }]);
    assert.deepEqual(
      [b2.where, b2.location.row, b2.location.column],
      ['table3 row granted', 'granted', null],
    );
    assert.equal(b2.location.sum.plus.length, 6);
    assert.match(
      out.verdict,
      /^有错误：表格均已读出，发现 2 个错误；最可能填错的是表三「（一）予以公开」行「自然人」列/,
    );
    // The human output marks the suspect 「**」 and says the fix.
    const human = gongkai('report', 'check', path);
    assert.match(human.stdout, /1044\*\*/);
    assert.match(human.stdout, /若改为 1043，B1、B2 均成立/);
  });

  it('a junk file gets one sentence: no empty tables, no list of missing parts', async () => {
    const junk = join(dir, 'junk.txt');
    await writeFile(
      junk,
      new Uint8Array(3000).map((_, i) => (i * 40503) & 0xff),
    );
    const human = gongkai('report', 'check', junk);
    assert.equal(human.code, 1);
    assert.match(human.stdout, /状态：无法读取\n这不是可以读取的政府信息公开工作年度报告：不是文本文件/);
    assert.doesNotMatch(human.stdout, /表三|B5|缺少/);
    const json = gongkai('report', 'check', junk, '--json');
    const [out] = JSON.parse(json.stdout);
    assert.equal(out.status, 'unreadable');
    assert.match(out.verdict, /^这不是可以读取的政府信息公开工作年度报告：不是文本文件/);
    const prose = await copyWith(
      'prose.txt',
      () => '某某市人民政府2021年政府信息公开工作年度报告\n一、总体情况\n本年度……',
    );
    const p = gongkai('report', 'check', prose);
    assert.match(p.stdout, /状态：不完整\n.*\n提交的内容中没有找到年度报告的表二、表三、表四/);
    assert.doesNotMatch(p.stdout, /表三 收到|B5/);
  });

  it('a copy with one cell changed: status violations naming its rules, the cell marked, exit 1', async () => {
    const path = await copyWith('changed.txt', (s) => s.replace('(七)总计 |\n2642 |', '(七)总计 |\n2643 |'));
    const json = gongkai('report', 'check', path, '--json');
    assert.equal(json.code, 1);
    const [out] = JSON.parse(json.stdout);
    assert.equal(out.status, 'violations');
    assert.deepEqual(
      out.violations.map((v: { rule: string; where: string }) => `${v.rule} ${v.where}`),
      ['A1 table3 column natural', 'B1 table3 column natural', 'B2 table3 row total'],
    );
    const human = gongkai('report', 'check', path);
    assert.equal(human.code, 1);
    assert.match(human.stdout, /状态：有错误/);
    assert.match(human.stdout, /2643\*\*/);
    assert.match(human.stdout, /\[错误 B1\] 表三「自然人」列/);
  });

  it('many files with --csv: every violation in the CSV, a summary, exit 1 when one is not ok', async () => {
    const cut = await copyWith('cut.txt', (s) => s.slice(0, s.indexOf('(七)总计')));
    const junk = join(dir, 'junk.bin');
    await writeFile(
      junk,
      new Uint8Array(3000).map((_, i) => (i * 40503) & 0xff),
    );
    const csv = join(dir, 'violations.csv');
    const r = gongkai('report', 'check', FIXTURE, cut, junk, '--csv', csv);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /共检查 3 份报告：通过 1 份，有错误 0 份，不完整 1 份，无法读取 1 份。/);
    const lines = (await readFile(csv, 'utf8'))
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    assert.equal(lines[0], 'file,status,rule,severity,where,expected,actual,message');
    assert.ok(lines.some((l) => l.startsWith(`${cut},incomplete,B5,error,table3 row total,`)));
    assert.ok(lines.some((l) => l.startsWith(`${junk},unreadable,B5,error,report,`)));
    assert.ok(!lines.some((l) => l.startsWith(FIXTURE)));
  });

  it('bad usage exits 2 with a Chinese message: no file, unknown option, --csv without a name, no subcommand', () => {
    for (const args of [
      ['report', 'check'],
      ['report', 'check', '--nope', FIXTURE],
      ['report', 'check', FIXTURE, '--csv'],
      ['report', 'check', FIXTURE, '--series'],
      ['report'],
    ]) {
      const r = gongkai(...args);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.stderr, /错误：/);
      assert.equal(r.stdout, '');
    }
  });

  it('A B C: the reports of one agency as a series — the middle year settled by its neighbours, each basis printed', async () => {
    const paths = await Promise.all(
      threeYearsGluedMiddle().map(async (t, i) => {
        const path = join(dir, `某市-${2021 + i}.txt`);
        await writeFile(path, t);
        return path;
      }),
    );
    const alone = gongkai('report', 'check', paths[1] as string);
    assert.equal(alone.code, 1);
    assert.match(alone.stdout, /状态：不完整/);

    const r = gongkai('report', 'check', ...paths);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /共检查 3 份报告：通过 3 份/);
    const middle = r.stdout.split('━━ ').find((part) => part.startsWith(paths[1] as string)) ?? '';
    assert.match(
      middle,
      /年度系列：某市人民政府 2021、2022、2023 年（上一年 .*某市-2021\.txt，下一年 .*某市-2023\.txt）/,
    );
    assert.match(middle, /由其他依据确定的单元格（3 个）：/);
    assert.match(middle, /表二「行政规范性文件」行「本年制发件数」 = 25（依据：202[13] 年报告（C2））/);

    const json = gongkai('report', 'check', ...paths, '--json');
    const [, second] = JSON.parse(json.stdout);
    assert.equal(second.status, 'ok');
    assert.deepEqual(second.series.years, [2021, 2022, 2023]);
    assert.deepEqual(
      second.settled.map((x: { cell: { column: string }; value: number }) => [x.cell.column, x.value]),
      [
        ['made', 25],
        ['repealed', 8],
        ['valid', 327],
      ],
    );
  });
});
