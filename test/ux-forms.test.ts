// The form components speak the page's language: the screen-reader prefix of a field's error is
// 「错误：」 on a Chinese page and "Error: " on an English one.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { jsx } from 'hono/jsx';
import { Input } from '../src/views/components/forms.js';

const render = async (props: Parameters<typeof Input>[0]) => String(await jsx(Input, props).toString());

test('an error message is announced in the language of the page', async () => {
  const errors = { received: 'Enter a date' };
  const en = await render({ lang: 'en', name: 'received', label: 'Received', errors });
  assert.match(en, /<span class="visually-hidden">Error: <\/span>Enter a date/);
  const zh = await render({ name: 'received', label: '收到申请之日', errors: { received: '请填写日期' } });
  assert.match(zh, /<span class="visually-hidden">错误：<\/span>请填写日期/);
});
