// Human Chinese messages for validation problems a schema did not word itself. zod's own Chinese
// locale speaks of types (「无效输入：期望 数字，实际接收 NaN」); a person filling in a form needs to
// know what to type. A schema's own message (z.string().min(1, '请填写姓名')) always wins; this is
// the fallback, installed once at the composition root with z.config({ customError }).
import type { z } from 'zod';

type Issue = Parameters<NonNullable<z.core.$ZodConfig['customError']>>[0];

const EXPECTED: Record<string, string> = {
  number: '请填写数字，例如 10',
  int: '请填写整数，例如 10',
  bigint: '请填写整数，例如 10',
  boolean: '请选择“是”或“否”',
  date: '请填写日期，格式为 年-月-日，例如 2026-09-28',
  array: '请至少选择一项',
  object: '提交的内容不完整，请重新填写',
};

const FORMATS: Record<string, string> = {
  email: '请填写有效的电子邮箱地址，例如 gongkai@example.gov.cn',
  url: '请填写完整的网址，以 http:// 或 https:// 开头',
  date: '日期格式应为 年-月-日，例如 2026-09-28',
  datetime: '时间格式应为 年-月-日 时:分，例如 2026-09-28 09:30',
  time: '时间格式应为 时:分，例如 09:30',
  regex: '格式不正确，请按提示填写',
  starts_with: '格式不正确，请按提示填写',
  ends_with: '格式不正确，请按提示填写',
  includes: '格式不正确，请按提示填写',
};

const n = (v: unknown) => (typeof v === 'bigint' ? v.toString() : String(v));

/** The message for one issue; never names a type, a library or an internal value. */
export function humanMessage(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type': {
      // Nothing at all was sent: the field was left empty.
      if (issue.input === undefined || issue.input === null || issue.input === '') return '请填写此项';
      return EXPECTED[issue.expected] ?? '请填写有效的内容';
    }
    case 'too_small': {
      const min = n(issue.minimum);
      if (issue.origin === 'string') return min === '1' ? '请填写此项' : `至少填写 ${min} 个字符`;
      if (issue.origin === 'array' || issue.origin === 'set') return `请至少选择 ${min} 项`;
      if (issue.origin === 'date') return '日期太早';
      return issue.inclusive ? `不能小于 ${min}` : `应大于 ${min}`;
    }
    case 'too_big': {
      const max = n(issue.maximum);
      if (issue.origin === 'string') return `不能超过 ${max} 个字符`;
      if (issue.origin === 'array' || issue.origin === 'set') return `最多选择 ${max} 项`;
      if (issue.origin === 'date') return '日期太晚';
      return issue.inclusive ? `不能大于 ${max}` : `应小于 ${max}`;
    }
    case 'invalid_format':
      return FORMATS[issue.format] ?? '格式不正确，请按提示填写';
    case 'not_multiple_of':
      return `应为 ${n(issue.divisor)} 的整数倍`;
    case 'invalid_value':
      return '请从所列选项中选择';
    case 'unrecognized_keys':
      return '提交了无法识别的内容';
    case 'invalid_union':
    case 'invalid_key':
    case 'invalid_element':
      return '格式不正确，请按提示填写';
    default:
      return '填写的内容不正确，请检查';
  }
}
