// The fields of a disclosure application (第二十九条) as the portal form, the back office's
// registration form and `POST /api/v1/applications` receive them, with Chinese messages. Every
// problem is reported at once, keyed by field (the form's error summary, the API's fieldErrors).
import { z } from 'zod';
import { validateApplicantIdentity } from '../../domain/applications/applicant.js';
import type { ApplicantType } from '../../domain/applications/applicant.js';
import type { IdType } from '../../domain/applications/identity.js';
import type { IsoDate } from '../../domain/calendar/iso-date.js';
import { InvalidInput } from '../../domain/errors.js';
import { maskIdNumber } from '../../domain/applications/identity.js';
import { maskPhone, type PersonalDataCipher } from '../../lib/personal-data.js';
import { DELIVERIES, FORMS } from '../../domain/applications/request.js';

const optionalText = (max: number, label: string) =>
  z
    .string({ error: `${label}应为文字` })
    .trim()
    .max(max, `${label}不能超过 ${max} 个字`)
    .optional()
    .nullable()
    .transform((v) => (v ? v : null));

const PHONE = /^(?:\+?86[-\s]?)?(?:1[3-9]\d{9}|0\d{2,3}[-\s]?\d{7,8}(?:[-\s]?\d{1,6})?)$/;

/** Everything but the identity document (validated by the domain: check digits, type fits applicant). */
export const ApplicationFields = z
  .object({
    agencyCode: z.string({ error: '请选择受理机关' }).trim().min(1, '请选择受理机关'),
    applicantType: z.string({ error: '请选择申请人类型' }),
    name: z
      .string({ error: '请填写申请人姓名或名称' })
      .trim()
      .min(1, '请填写申请人姓名或名称')
      .max(100, '姓名或名称不能超过 100 个字'),
    contactPerson: optionalText(50, '联系人'),
    idType: z.string({ error: '请选择证件类型' }),
    idNumber: z.string({ error: '请填写证件号码' }),
    phone: z
      .string({ error: '请填写联系电话' })
      .trim()
      .min(1, '请填写联系电话')
      .refine(
        (v) => PHONE.test(v.replace(/[()（）]/g, '')),
        '联系电话格式不正确，请填写手机号码或带区号的固定电话',
      ),
    email: z
      .string()
      .trim()
      .max(200, '电子邮箱不能超过 200 个字符')
      .optional()
      .nullable()
      .transform((v) => (v ? v : null))
      .refine((v) => v === null || z.email().safeParse(v).success, '电子邮箱格式不正确'),
    address: optionalText(200, '通信地址'),
    postalCode: z
      .string()
      .trim()
      .optional()
      .nullable()
      .transform((v) => (v ? v : null))
      .refine((v) => v === null || /^\d{6}$/.test(v), '邮政编码应为 6 位数字'),
    description: z
      .string({ error: '请描述所需的政府信息' })
      .trim()
      .min(5, '请描述所需的政府信息（至少 5 个字），写明名称、文号或便于查找的特征')
      .max(2000, '所需信息的描述不能超过 2000 个字'),
    documentTitle: optionalText(200, '文件名称'),
    documentNumber: optionalText(100, '文号'),
    form: z.enum(FORMS, { error: '请选择获取信息的形式' }),
    delivery: z.enum(DELIVERIES, { error: '请选择获取信息的途径' }),
  })
  .superRefine((v, ctx) => {
    if (v.delivery === 'post' && !v.address)
      ctx.addIssue({ code: 'custom', path: ['address'], message: '选择邮寄时请填写通信地址' });
    if (v.delivery === 'email' && !v.email)
      ctx.addIssue({ code: 'custom', path: ['email'], message: '选择电子邮件时请填写电子邮箱' });
  });

export type ApplicationInput = z.input<typeof ApplicationFields>;

export interface ParsedApplication extends Omit<
  z.output<typeof ApplicationFields>,
  'applicantType' | 'idType'
> {
  applicantType: ApplicantType;
  idType: IdType;
  /** The normalised number (full-width → ASCII, no spaces, upper case). */
  idNumber: string;
}

/** All problems at once (zod's and the identity document's), or the parsed application. */
export function parseApplication(input: unknown, today: IsoDate): ParsedApplication {
  const raw = (input ?? {}) as Record<string, unknown>;
  const r = ApplicationFields.safeParse(raw);
  const errors: Record<string, string> = {};
  if (!r.success)
    for (const issue of r.error.issues) {
      const key = issue.path.join('.') || '_form';
      errors[key] ??= issue.message;
    }
  const id = validateApplicantIdentity(
    {
      applicantType: typeof raw.applicantType === 'string' ? raw.applicantType : '',
      idType: typeof raw.idType === 'string' ? raw.idType : '',
      idNumber: typeof raw.idNumber === 'string' ? raw.idNumber : '',
    },
    today,
  );
  if (!id.ok) for (const [k, m] of Object.entries(id.fieldErrors)) errors[k] ??= m;
  if (!r.success || !id.ok || Object.keys(errors).length > 0) throw new InvalidInput(errors);
  return { ...r.data, applicantType: id.applicantType, idType: id.idType, idNumber: id.idNumber };
}

/**
 * The columns of table `application` that come from what the applicant gave: personal data
 * encrypted, masked for lists, and the identity number's lookup hash (issue 9.7).
 */
export function applicationColumns(f: ParsedApplication, p: PersonalDataCipher) {
  return {
    applicantType: f.applicantType,
    name: f.name,
    contactPerson: f.contactPerson,
    idType: f.idType,
    idNumberEnc: p.encrypt(f.idNumber),
    idNumberMasked: maskIdNumber(f.idNumber),
    idNumberHash: p.lookupHash(f.idNumber),
    phoneEnc: p.encrypt(f.phone),
    phoneMasked: maskPhone(f.phone),
    emailEnc: p.encrypt(f.email),
    addressEnc: p.encrypt(f.address),
    postalCode: f.postalCode,
    description: f.description,
    documentTitle: f.documentTitle,
    documentNumber: f.documentNumber,
    form: f.form,
    delivery: f.delivery,
  };
}
