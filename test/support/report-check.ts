// Test support for 年报体检: the Suzhou fixture, altered copies, a DOCX report, and multipart posts
// as a browser (or curl -F) sends them.
import { readFile } from 'node:fs/promises';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { SAMPLE_2021 } from '../../src/domain/reports/parse/testing/samples.js';
import {
  table2Grid,
  table3Grid,
  table4Grid,
  type GridRow,
} from '../../src/domain/reports/parse/testing/table-grid.js';
import { makeDocx, type Block } from '../../src/extract/testing/make-files.js';

const FIXTURES = new URL('../fixtures/reports/', import.meta.url);

export const fixtureText = (): Promise<string> => readFile(new URL('2020-suzhou-city.txt', FIXTURES), 'utf8');

export async function fixtureExpected(): Promise<{
  table2: unknown;
  table3: Record<string, unknown>;
  table4: unknown;
}> {
  return JSON.parse(await readFile(new URL('2020-suzhou-city.expected.json', FIXTURES), 'utf8'));
}

/** The fixture with the 自然人 cell of 「一、本年新收」 changed from 2660 to 2661. */
export function withChangedCell(text: string): string {
  const changed = text.replace(
    '一、本年新收政府信息公开申请数量 |\n2660 |',
    '一、本年新收政府信息公开申请数量 |\n2661 |',
  );
  if (changed === text) throw new Error('the fixture no longer has the cell to change');
  return changed;
}

/** The fixture cut off inside table 三, just before 「（四）1.本机关不掌握相关政府信息」. */
export function cutInTable3(text: string): string {
  const at = text.indexOf('1.本机关不掌握相关政府信息');
  if (at < 0) throw new Error('the fixture no longer has the row to cut at');
  return text.slice(0, at);
}

export const JUNK = new Uint8Array(5000).map((_, i) => (i * 2654435761) >>> 24);

/** A 2021-format report as a Word file, with the tables of SAMPLE_2021. */
export function sampleDocx(): Uint8Array {
  const val = { zeros: 'print' as const };
  const table = (rows: GridRow[]): Block => ({
    table: rows.map((r) => r.map((c) => ({ text: c.text, ...(c.colspan ? { colspan: c.colspan } : {}) }))),
  });
  return makeDocx([
    { paragraph: '某某区人民政府2021年政府信息公开工作年度报告' },
    { paragraph: '二、主动公开政府信息情况' },
    table(table2Grid(SAMPLE_2021, {}, val)),
    { paragraph: '三、收到和处理政府信息公开申请情况' },
    table(table3Grid(SAMPLE_2021, {}, val)),
    { paragraph: '四、政府信息公开行政复议、行政诉讼情况' },
    table(table4Grid(SAMPLE_2021, {}, val)),
    { paragraph: '五、存在的主要问题及改进情况' },
  ]);
}

export interface FilePart {
  name: string;
  bytes: Uint8Array;
  field?: string;
}

/** A multipart/form-data body, serialised by the platform's own FormData (as fetch would send it). */
export async function multipartBody(
  fields: Record<string, string>,
  file?: FilePart,
): Promise<{ payload: Buffer; contentType: string }> {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  if (file) form.append(file.field ?? 'file', new Blob([new Uint8Array(file.bytes)]), file.name);
  const req = new Request('http://localhost/', { method: 'POST', body: form });
  return {
    payload: Buffer.from(await req.arrayBuffer()),
    contentType: req.headers.get('content-type') ?? '',
  };
}

export async function postMultipart(
  app: FastifyInstance,
  url: string,
  fields: Record<string, string>,
  file?: FilePart,
  opts: { cookie?: string; remoteAddress?: string } = {},
): Promise<LightMyRequestResponse> {
  const { payload, contentType } = await multipartBody(fields, file);
  return app.inject({
    method: 'POST',
    url,
    payload,
    headers: { 'content-type': contentType, ...(opts.cookie ? { cookie: opts.cookie } : {}) },
    ...(opts.remoteAddress ? { remoteAddress: opts.remoteAddress } : {}),
  });
}
