// Shared field schemas of the consultation commands (Chinese messages for the forms and the API).
import { z } from 'zod';
import { isIsoDate } from '../../domain/calendar/index.js';

/** A form's '' is "not given". */
export const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label}不能超过 ${max} 个字符`)
    .nullish()
    .transform((v) => (v ? v : null));

export const optionalDate = (label: string) =>
  z
    .string()
    .trim()
    .nullish()
    .transform((v) => (v ? v : null))
    .refine((v) => v === null || isIsoDate(v), `${label}格式为年-月-日，例如 2026-06-01`);

export const requiredDate = (label: string) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, `请填写${label}`)
    .refine((v) => isIsoDate(v), `${label}格式为年-月-日，例如 2026-06-01`);

/** The largest value of an integer column: a larger number names nothing (and must not reach SQL). */
export const MAX_INT = 2_147_483_647;

export const idField = (label = '意见征集') =>
  z.coerce
    .number({ error: `缺少${label}编号` })
    .int(`缺少${label}编号`)
    .positive(`缺少${label}编号`)
    .max(MAX_INT, `没有这个${label}`);

export const versionField = z.coerce
  .number({ error: '缺少版本号，请刷新页面后重试' })
  .int('缺少版本号，请刷新页面后重试')
  .min(0, '缺少版本号，请刷新页面后重试')
  .max(MAX_INT, '缺少版本号，请刷新页面后重试');

export const STALE = '该意见征集已被他人修改，请刷新页面查看最新内容后重试';
