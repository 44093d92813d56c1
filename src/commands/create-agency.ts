// Creates an agency under a parent (or the root government when there is none yet).
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { AGENCY_CODE_PATTERN, AGENCY_KINDS, childPath } from '../domain/agencies/agency.js';
import {
  isPhoneNumber,
  isWebAddress,
  PHONE_MESSAGE,
  WEB_ADDRESS_MESSAGE,
} from '../domain/agencies/contact.js';
import { InvalidInput, NotFound } from '../domain/errors.js';
import { agency } from '../db/schema.js';
import { authorize, can } from '../policies/policy.js';
import { inTransaction, type CommandContext, type Deps } from './context.js';
import { parseInput } from './validation.js';

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `不能超过 ${max} 个字符`)
    .optional()
    .transform((v) => (v ? v : null));

/** An optional text field that, when filled, must pass `check` (phone numbers, web addresses). */
const optionalChecked = (max: number, check: (v: string) => boolean, message: string) =>
  optionalText(max).refine((v) => v === null || check(v), message);

export const AgencyFields = z.object({
  code: z
    .string()
    .trim()
    .regex(AGENCY_CODE_PATTERN, '机构代码只能包含字母、数字、点和短横线，最长 40 个字符'),
  name: z.string().trim().min(1, '请填写机构名称').max(100, '机构名称不能超过 100 个字符'),
  shortName: optionalText(40),
  kind: z.enum(AGENCY_KINDS, { error: '请选择机构类型' }),
  sortOrder: z.coerce.number().int('排序号须为整数').min(0).max(100000).default(0),
  officeName: optionalText(100),
  address: optionalText(200),
  postalCode: z
    .string()
    .trim()
    .regex(/^(\d{6})?$/, '邮政编码应为 6 位数字')
    .optional()
    .transform((v) => v || null),
  officeHours: optionalText(200),
  phone: optionalChecked(100, isPhoneNumber, PHONE_MESSAGE),
  fax: optionalChecked(100, isPhoneNumber, PHONE_MESSAGE.replace('电话号码', '传真号码')),
  email: z
    .union([z.literal(''), z.string().trim().email('电子邮箱格式不正确')])
    .optional()
    .transform((v) => v || null),
  // http(s) only: the 指南 links to it from a public page (issue 8.7: `javascript:` was accepted).
  website: optionalChecked(200, isWebAddress, WEB_ADDRESS_MESSAGE),
  functions: optionalText(4000),
});
export type AgencyInput = z.input<typeof AgencyFields>;

export async function createAgency(
  deps: Deps,
  ctx: CommandContext,
  parentId: number | null,
  input: AgencyInput,
) {
  const fields = parseInput(AgencyFields, input);
  return inTransaction(deps, ctx, async (tx, audit) => {
    let parentPath: string | null = null;
    if (parentId != null) {
      const [parent] = await tx.select().from(agency).where(eq(agency.id, parentId));
      if (!parent) throw new NotFound('上级机构不存在');
      authorize(ctx.actor, 'agency.create', { agencyPath: parent.path });
      parentPath = parent.path;
    } else if (!can(ctx.actor, 'agency.createRoot')) {
      // Without the right to start a new tree the parent is simply a required field of the form.
      throw new InvalidInput({ parentId: '请选择上级机构' });
    }
    const [dup] = await tx.select({ id: agency.id }).from(agency).where(eq(agency.code, fields.code));
    if (dup) throw new InvalidInput({ code: `机构代码 ${fields.code} 已被使用` });
    const [row] = await tx
      .insert(agency)
      .values({ ...fields, parentId, path: '/' })
      .returning();
    const path = childPath(parentPath, row!.id);
    await tx.update(agency).set({ path }).where(eq(agency.id, row!.id));
    await audit({
      action: 'agency.created',
      subjectType: 'agency',
      subjectId: row!.id,
      agencyId: row!.id,
      data: { after: { ...fields, parentId } },
    });
    return { ...row!, path };
  });
}
