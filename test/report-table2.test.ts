// The table 二 feed (issue 10 item 6): its 规章 / 行政规范性文件 figures match the library. Documents
// with known dates and relations — made in the year, abolished in the year, amended, expired, not
// yet in force at the year's end, abolished by a draft, withdrawn, of another level — each count
// reasoned by hand below, for one agency (本级) and its subtree (汇总), in both report formats.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { document, documentRelation } from '../src/db/schema.js';
import { reportTable2Feed } from '../src/queries/report-table2.js';
import { createTestApp, type TestApp } from './support/app.js';
import { buildCity } from './support/factories.js';

interface Doc {
  agency: number;
  level: 'rule' | 'normative' | 'other';
  written: string;
  published?: string;
  effective?: string;
  expires?: string;
  state?: 'draft' | 'published' | 'withdrawn';
}

describe('table 二 feed: 第二十条第（一）项 from the document library', () => {
  let t: TestApp;
  let city: Awaited<ReturnType<typeof buildCity>>;
  const ids: Record<string, number> = {};

  const insert = async (key: string, d: Doc) => {
    const [row] = await t.deps.db
      .insert(document)
      .values({
        agencyId: d.agency,
        title: `测试文件 ${key}`,
        effectLevel: d.level,
        writtenOn: d.written,
        publishedOn: d.state === 'draft' ? null : (d.published ?? d.written),
        effectiveOn: d.effective ?? null,
        expiresOn: d.expires ?? null,
        state: d.state ?? 'published',
      })
      .returning({ id: document.id });
    ids[key] = row!.id;
  };
  const relate = (from: string, to: string, kind: string, effectiveOn: string | null, note?: string) =>
    t.deps.db
      .insert(documentRelation)
      .values({ fromId: ids[from]!, toId: ids[to]!, kind, effectiveOn, note: note ?? null });

  before(async () => {
    t = await createTestApp();
    city = await buildCity(t.deps);
    const c = city.city.id;
    const dept = city.dept.id; // below the city
    const east = city.east.id; // below the city
    // 规章 of the city
    await insert('R1', { agency: c, level: 'rule', written: '2022-03-01', effective: '2022-04-01' });
    await insert('R2', { agency: c, level: 'rule', written: '2024-05-10', effective: '2024-07-01' });
    await insert('R3', { agency: c, level: 'rule', written: '2024-11-20', effective: '2025-01-01' });
    // 行政规范性文件 of the city
    await insert('N1', {
      agency: c,
      level: 'normative',
      written: '2021-06-01',
      effective: '2021-07-01',
      expires: '2024-06-30',
    });
    await insert('N2', { agency: c, level: 'normative', written: '2023-01-10', effective: '2023-02-01' });
    await insert('N3', {
      agency: c,
      level: 'normative',
      written: '2020-01-01',
      published: '2020-01-10',
      effective: '2020-02-01',
    });
    await insert('N4', { agency: c, level: 'normative', written: '2019-05-01', effective: '2019-06-01' });
    await insert('N5', { agency: c, level: 'normative', written: '2024-03-01', effective: '2024-04-01' });
    await insert('N6', { agency: c, level: 'normative', written: '2023-08-01', effective: '2023-09-01' });
    await insert('N7', { agency: c, level: 'normative', written: '2024-12-15', effective: '2025-02-01' });
    await insert('N8', { agency: c, level: 'normative', written: '2018-01-01', effective: '2018-01-01' });
    await insert('N9', { agency: c, level: 'normative', written: '2024-02-01', state: 'draft' });
    await insert('N10', { agency: c, level: 'normative', written: '2024-03-03', effective: '2024-03-03' });
    await insert('N14', {
      agency: c,
      level: 'normative',
      written: '2020-12-20',
      published: '2021-01-05',
      effective: '2021-02-01',
    });
    await insert('O1', { agency: c, level: 'other', written: '2023-05-20', effective: '2023-06-01' });
    await insert('O2', { agency: c, level: 'other', written: '2024-04-04' });
    await insert('D1', { agency: c, level: 'normative', written: '2024-04-20', state: 'draft' });
    // Below the city
    await insert('N11', { agency: dept, level: 'normative', written: '2024-01-15', effective: '2024-01-15' });
    await insert('N12', { agency: dept, level: 'normative', written: '2022-02-02', effective: '2022-03-01' });
    await insert('N13', { agency: east, level: 'normative', written: '2021-04-04', effective: '2021-05-01' });
    await insert('R4', { agency: east, level: 'rule', written: '2024-06-01', state: 'withdrawn' });

    await relate('N5', 'N2', 'abolishes', '2024-04-01'); // N2 废止 in 2024
    await relate('N6', 'N3', 'amends', '2023-09-01'); // N3 已修改: still in force
    await relate('N7', 'N4', 'replaces', '2025-02-01'); // N4 replaced only in 2025
    await relate('O1', 'N8', 'abolishes', null); // no date of its own: O1's 施行日期 2023-06-01
    await relate('D1', 'N10', 'abolishes', '2024-05-01'); // by a draft: does not count
    await relate('N11', 'N12', 'invalidates', '2024-01-15'); // declared invalid as a whole: 失效
    await relate('N11', 'N13', 'invalidates', '2024-01-15', '第五条'); // partly: 部分失效, in force
    await relate('N5', 'N1', 'interprets', '2024-04-01'); // no effect on 有效性
  });
  after(() => t.close());

  test('本级 2024 (2021 format): made, repealed and in force, document by document', async () => {
    const feed = await reportTable2Feed(t.deps.db, { agencyId: city.city.id, year: 2024, scope: 'own' });
    assert.equal(feed.format, '2021');
    // 规章: made in 2024 = R2, R3. None repealed. In force on 2024-12-31 = R1, R2 (R3 takes effect
    // on 2025-01-01: made, not yet in force).
    assert.deepEqual(feed.table2.regulations, { label: '规章', made: 2, repealed: 0, valid: 2 });
    // 行政规范性文件: made in 2024 = N5, N7, N10 (N9 is a draft; D1 a draft; O2 is 其他) → 3.
    // Repealed in 2024 = N1 (有效期 ended 2024-06-30: 失效 from 07-01) and N2 (abolished by N5 on
    // 04-01) → 2. N8 was abolished in 2023 (O1's 施行日期), not this year.
    // In force on 2024-12-31 = N3 (amended), N4 (its replacement takes effect in 2025), N5, N6,
    // N10 (the draft D1 abolishes nothing), N14 → 6. N7 is not yet in force (2025-02-01).
    assert.deepEqual(feed.table2.normativeDocuments, {
      label: '行政规范性文件',
      made: 3,
      repealed: 2,
      valid: 6,
    });
    assert.equal(feed.detail.normativeDocuments.abolished, 1); // N2
    assert.equal(feed.detail.normativeDocuments.expired, 1); // N1
    assert.equal(feed.detail.normativeDocuments.pendingAtYearEnd, 1); // N7
    assert.equal(feed.detail.regulations.pendingAtYearEnd, 1); // R3
    assert.deepEqual(
      [...feed.detail.normativeDocuments.ids.repealed!].sort((a, b) => a - b),
      [ids.N1!, ids.N2!].sort((a, b) => a - b),
    );
  });

  test('the year before, and the link between the years (C2) up to the documents not yet in force', async () => {
    const y2023 = await reportTable2Feed(t.deps.db, { agencyId: city.city.id, year: 2023, scope: 'own' });
    // 2023: made = N2, N6 → 2. Repealed = N8 (abolished 2023-06-01) → 1. In force on 2023-12-31 =
    // N1, N2, N3 (amended 09-01), N4, N6, N14 → 6.
    assert.deepEqual(y2023.table2.normativeDocuments, {
      label: '行政规范性文件',
      made: 2,
      repealed: 1,
      valid: 6,
    });
    // 2024: 6 + 3 made − 2 repealed = 7, but N7 (made in December, in force in 2025) is not yet in
    // force: 7 − 1 = 6, the figure above. The feed says why the sum differs.
    const y2024 = await reportTable2Feed(t.deps.db, { agencyId: city.city.id, year: 2024, scope: 'own' });
    const n = y2024.table2.normativeDocuments!;
    assert.equal(
      Number(y2023.table2.normativeDocuments!.valid) + Number(n.made) - Number(n.repealed),
      Number(n.valid) + y2024.detail.normativeDocuments.pendingAtYearEnd,
    );
  });

  test('汇总 2024 adds the agencies below; 本级 of a department counts only its own', async () => {
    const all = await reportTable2Feed(t.deps.db, { agencyId: city.city.id, year: 2024, scope: 'subtree' });
    // 规章: R4 of the east district was withdrawn: the city's figures only.
    assert.deepEqual(all.table2.regulations, { label: '规章', made: 2, repealed: 0, valid: 2 });
    // 行政规范性文件: + N11 made (2024-01-15) and in force; + N12 declared invalid as a whole on
    // 2024-01-15 (repealed, 失效); + N13 partly invalid, still in force.
    // made 3 + 1 = 4; repealed 2 + 1 = 3; valid 6 + N11 + N13 = 8.
    assert.deepEqual(all.table2.normativeDocuments, {
      label: '行政规范性文件',
      made: 4,
      repealed: 3,
      valid: 8,
    });
    assert.equal(all.detail.normativeDocuments.expired, 2); // N1, N12

    const dept = await reportTable2Feed(t.deps.db, { agencyId: city.dept.id, year: 2024, scope: 'own' });
    assert.deepEqual(dept.table2.normativeDocuments, {
      label: '行政规范性文件',
      made: 1, // N11
      repealed: 1, // N12
      valid: 1, // N11
    });
    assert.deepEqual(dept.table2.regulations, { label: '规章', made: 0, repealed: 0, valid: 0 });
  });

  test('2020 report (2019 试行 format): 本年新制作, 本年新公开, 对外公开总数量', async () => {
    const feed = await reportTable2Feed(t.deps.db, { agencyId: city.city.id, year: 2020, scope: 'own' });
    assert.equal(feed.format, '2019');
    // 规范性文件: made in 2020 = N3 (01-01) and N14 (12-20) → 2. Published in 2020 = N3 only (N14
    // on 2021-01-05) → 1. Published by 2020-12-31 = N8 (2018), N4 (2019), N3 → 3 (N8's later
    // abolition does not matter in 2020).
    assert.deepEqual(feed.table2.normativeDocuments, {
      label: '规范性文件',
      newMade: 2,
      newPublished: 1,
      totalPublished: 3,
    });
    assert.deepEqual(feed.table2.regulations, {
      label: '规章',
      newMade: 0,
      newPublished: 0,
      totalPublished: 0,
    });
    // The 2021 format can be asked for a 2020 report (some were written in it).
    const as2021 = await reportTable2Feed(t.deps.db, {
      agencyId: city.city.id,
      year: 2020,
      scope: 'own',
      format: '2021',
    });
    // In force on 2020-12-31: N3, N4, N8 and N14 is made (written 2020-12-20) but takes effect
    // 2021-02-01 → 3.
    assert.deepEqual(as2021.table2.normativeDocuments, {
      label: '行政规范性文件',
      made: 2,
      repealed: 0,
      valid: 3,
    });
  });
});
