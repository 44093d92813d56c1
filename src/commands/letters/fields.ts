// The fields of a letter as the portal form, the API and the back office's entry form receive
// them, with Chinese messages keyed by field; and the writer's columns (contact details encrypted
// with src/lib/personal-data.ts, exactly as applications store theirs).
import { z } from 'zod';
import { LETTER_CHANNELS, LETTER_KINDS } from '../../domain/letters/kinds.js';
import { maskPersonName } from '../../domain/letters/masking.js';
import { maskPhone, type PersonalDataCipher } from '../../lib/personal-data.js';

const PHONE = /^(?:\+?86[-\s]?)?(?:1[3-9]\d{9}|0\d{2,3}[-\s]?\d{7,8}(?:[-\s]?\d{1,6})?)$/;

const optionalText = (max: number, label: string) =>
  z
    .string({ error: `${label}应为文字` })
    .trim()
    .max(max, `${label}不能超过 ${max} 个字`)
    .optional()
    .nullable()
    .transform((v) => (v ? v : null));

/** true for true, 'true', 'yes', 'on', '1'; false for false, 'false', 'no', '0'; missing: undefined. */
const yesNo = z.preprocess(
  (v) => {
    if (typeof v === 'boolean') return v;
    if (typeof v !== 'string' || v.trim() === '') return undefined;
    const s = v.trim().toLowerCase();
    if (['true', 'yes', 'on', '1'].includes(s)) return true;
    if (['false', 'no', 'off', '0'].includes(s)) return false;
    return v;
  },
  z.boolean({ error: '请选择是否同意公开您的来信' }),
);

export const LetterFields = z.object({
  mailboxCode: z.string({ error: '请选择信箱' }).trim().min(1, '请选择信箱'),
  kind: z.enum(LETTER_KINDS, { error: '请选择留言类型（咨询、建议、投诉或求助）' }),
  name: optionalText(50, '姓名'),
  phone: z
    .string({ error: '联系电话应为文字' })
    .trim()
    .optional()
    .nullable()
    .transform((v) => (v ? v : null))
    .refine(
      (v) => v === null || PHONE.test(v.replace(/[()（）]/g, '')),
      '联系电话格式不正确，请填写手机号码或带区号的固定电话',
    ),
  email: z
    .string({ error: '电子邮箱应为文字' })
    .trim()
    .max(200, '电子邮箱不能超过 200 个字符')
    .optional()
    .nullable()
    .transform((v) => (v ? v : null))
    .refine((v) => v === null || z.email().safeParse(v).success, '电子邮箱格式不正确'),
  address: optionalText(200, '通信地址'),
  title: z.string({ error: '请填写标题' }).trim().min(1, '请填写标题').max(100, '标题不能超过 100 个字'),
  content: z
    .string({ error: '请填写留言内容' })
    .trim()
    .min(10, '留言内容至少 10 个字，请把您的诉求写清楚')
    .max(5000, '留言内容不能超过 5000 个字'),
  publicConsent: yesNo,
  channel: z.enum(LETTER_CHANNELS, { error: '来信渠道无效' }).optional(),
  receivedOn: z
    .string()
    .trim()
    .optional()
    .nullable()
    .transform((v) => (v ? v : null)),
});
export type LetterInput = z.output<typeof LetterFields>;

/** The digits of a phone number without the country code (the lookup hash is made of them). */
export function normalisePhone(phone: string): string {
  return phone
    .normalize('NFKC')
    .replace(/\D/g, '')
    .replace(/^86(?=1\d{10}$)/, '');
}

export interface Writer {
  name?: string | null;
  phone?: string | null;
  email?: string | null;
  address?: string | null;
}

/** The writer's columns of table letter: name as given and masked; contact details encrypted. */
export function writerColumns(w: Writer, p: PersonalDataCipher) {
  const name = w.name?.trim() || null;
  const phone = w.phone?.trim() || null;
  return {
    writerName: name,
    writerNameMasked: name ? maskPersonName(name) : null,
    phoneEnc: p.encrypt(phone),
    phoneMasked: phone ? maskPhone(normalisePhone(phone)) : null,
    emailEnc: p.encrypt(w.email?.trim() || null),
    addressEnc: p.encrypt(w.address?.trim() || null),
    phoneHash: phone ? p.lookupHash(normalisePhone(phone)) : null,
  };
}
