// Field shapes shared by the handling commands (Chinese messages keyed by field).
import { z } from 'zod';

export const letterId = z.coerce.number({ error: '缺少信件' }).int().positive('缺少信件');
export const version = z.coerce.number({ error: '缺少版本号，请刷新页面后重试' }).int();

export const requiredText = (label: string, max = 2000) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, `请填写${label}`)
    .max(max, `${label}不能超过 ${max} 个字`);

export const optionalText = (label: string, max = 2000) =>
  z
    .string()
    .trim()
    .max(max, `${label}不能超过 ${max} 个字`)
    .optional()
    .nullable()
    .transform((v) => (v ? v : null));

export const agencyIdField = (message: string) =>
  z.coerce.number({ error: message }).int(message).positive(message);
