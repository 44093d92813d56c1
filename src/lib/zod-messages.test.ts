import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { z } from 'zod';
import { humanMessage } from './zod-messages.js';

// The error map is passed per call here, so the test does not depend on global configuration.
const messages = (schema: z.ZodType, input: unknown) =>
  schema.safeParse(input, { error: humanMessage }).error?.issues.map((i) => i.message) ?? [];

describe('validation messages people can act on', () => {
  it('asks for a number, not 「期望 数字，实际接收 NaN」', () => {
    const m = messages(z.object({ sortOrder: z.coerce.number().int() }), { sortOrder: 'abc' });
    assert.deepEqual(m, ['请填写数字，例如 10']);
  });

  it('says an empty field must be filled, and gives limits in characters', () => {
    assert.deepEqual(messages(z.object({ name: z.string() }), {}), ['请填写此项']);
    assert.deepEqual(messages(z.string().min(1), ''), ['请填写此项']);
    assert.deepEqual(messages(z.string().max(3), 'abcd'), ['不能超过 3 个字符']);
    assert.deepEqual(messages(z.number().min(0), -1), ['不能小于 0']);
  });

  it('explains formats with an example', () => {
    assert.match(messages(z.email(), 'x')[0]!, /电子邮箱.*例如/);
    assert.match(messages(z.url(), 'x')[0]!, /http/);
    assert.deepEqual(messages(z.enum(['a', 'b']), 'c'), ['请从所列选项中选择']);
  });

  it('never shows a type name or the input', () => {
    for (const [schema, input] of [
      [z.number(), 'abc'],
      [z.boolean(), 'x'],
      [z.object({ a: z.string() }).strict(), { a: 'x', b: 1 }],
    ] as const) {
      for (const m of messages(schema, input)) assert.doesNotMatch(m, /NaN|number|string|期望|接收|无效输入/);
    }
  });

  it("leaves a schema's own message alone", () => {
    assert.deepEqual(messages(z.string().min(1, '请填写姓名'), ''), ['请填写姓名']);
  });
});
