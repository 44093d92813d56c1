// Saves a consultation's draft: its agency, title, 起草说明, the draft in the document library (found
// by id, 文号 or title, draft or published), its decision type and planned dates. Only a draft is
// edited; opening checks the period (./lifecycle.ts). Optimistic lock on `version`.
import { and, eq, like, or } from 'drizzle-orm';
import { z } from 'zod';
import { CONSULTATION_TYPE_LABELS, CONSULTATION_TYPES } from '../../domain/consultations/index.js';
import { Conflict, InvalidInput, InvalidTransition } from '../../domain/errors.js';
import type { Executor } from '../../db/client.js';
import { agency, consultation, document } from '../../db/schema.js';
import { authorize, scopePath } from '../../policies/policy.js';
import type { AnyActor } from '../../domain/agencies/actor.js';
import { consultationForCommand } from '../../queries/consultations.js';
import { diff, inTransaction, type CommandContext, type Deps } from '../context.js';
import { parseInput } from '../validation.js';
import { idField, MAX_INT, optionalDate, optionalText, STALE, versionField } from './fields.js';

export const ConsultationFields = z.object({
  id: idField().optional(),
  version: versionField.optional(),
  agencyId: z.coerce
    .number({ error: '请选择征集机关' })
    .int('请选择征集机关')
    .positive('请选择征集机关')
    .max(MAX_INT, '所选机关不存在'),
  title: z.string({ error: '请填写标题' }).trim().min(1, '请填写标题').max(200, '标题不能超过 200 个字符'),
  description: z.string().trim().max(20000, '起草说明不能超过 20000 个字符').default(''),
  /** The draft in the library: its id, 文号 or exact title; '' = none. */
  document: z.string().trim().max(200, '关联文件的文号或标题过长').default(''),
  decisionType: z.enum(CONSULTATION_TYPES, { error: '请选择征集事项类型' }),
  concernsMarket: z
    .union([z.boolean(), z.string()])
    .optional()
    .transform((v) => v === true || v === 'yes' || v === 'on' || v === 'true'),
  opensOn: optionalDate('开始日期'),
  closesOn: optionalDate('截止日期'),
  email: optionalText(100, '电子邮箱').refine(
    (v) => v === null || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v),
    '电子邮箱格式不正确，例如 yijian@example.gov.cn',
  ),
  postalAddress: optionalText(200, '通信地址'),
});
export type ConsultationInput = z.input<typeof ConsultationFields>;

/** The library's document a reference names, within the actor's subtree; InvalidInput otherwise. */
export async function findDocument(db: Executor, actor: AnyActor, ref: string): Promise<number | null> {
  if (!ref) return null;
  const id = /^#?\d{1,9}$/.test(ref) ? Number(ref.replace('#', '')) : null;
  const rows = await db
    .select({ id: document.id })
    .from(document)
    .innerJoin(agency, eq(agency.id, document.agencyId))
    .where(
      and(
        like(agency.path, `${scopePath(actor)}%`),
        id !== null ? eq(document.id, id) : or(eq(document.docNumber, ref), eq(document.title, ref)),
      ),
    )
    .limit(2);
  if (rows.length === 0)
    throw new InvalidInput({ document: '没有找到该文件：请填写文件库中文件的编号、发文字号或完整标题' });
  if (rows.length > 1) throw new InvalidInput({ document: '有多个文件符合，请改填文件编号或发文字号' });
  return rows[0]!.id;
}

export async function saveConsultation(
  deps: Deps,
  ctx: CommandContext,
  input: ConsultationInput | Record<string, unknown>,
  /** The demo loader marks its consultations synthetic (src/demo/consultations.ts). */
  options: { synthetic?: boolean } = {},
): Promise<{ id: number; version: number }> {
  const f = parseInput(ConsultationFields, input);
  const [target] = await deps.db.select({ path: agency.path }).from(agency).where(eq(agency.id, f.agencyId));
  if (!target) throw new InvalidInput({ agencyId: '所选机关不存在' });
  authorize(ctx.actor, 'engagement.edit', { agencyPath: target.path });
  const documentId = await findDocument(deps.db, ctx.actor, f.document);
  if (f.opensOn && f.closesOn && f.closesOn < f.opensOn)
    throw new InvalidInput({ closesOn: '截止日期不能早于开始日期' });
  const values = {
    agencyId: f.agencyId,
    title: f.title,
    description: f.description,
    documentId,
    decisionType: f.decisionType,
    concernsMarket: f.decisionType === 'normative' && f.concernsMarket,
    opensOn: f.opensOn,
    closesOn: f.closesOn,
    email: f.email,
    postalAddress: f.postalAddress,
  };
  if (f.id === undefined) {
    return inTransaction(deps, ctx, async (tx, audit) => {
      const [row] = await tx
        .insert(consultation)
        .values({
          ...values,
          synthetic: options.synthetic === true,
          createdBy: 'userId' in ctx.actor ? ctx.actor.userId : null,
        })
        .returning({ id: consultation.id, version: consultation.version });
      await audit({
        action: 'consultation.created',
        subjectType: 'consultation',
        subjectId: row!.id,
        agencyId: f.agencyId,
        data: { after: { title: f.title, decisionType: CONSULTATION_TYPE_LABELS[f.decisionType] } },
      });
      return row!;
    });
  }
  const current = await consultationForCommand(deps.db, f.id);
  authorize(ctx.actor, 'engagement.edit', current);
  if (current.state !== 'draft') throw new InvalidTransition('已开始征集的意见征集不能再修改');
  if (f.version === undefined) throw new InvalidInput({ version: '缺少版本号，请刷新页面后重试' });
  const id = f.id;
  const version = f.version;
  return inTransaction(deps, ctx, async (tx, audit) => {
    const [before] = await tx.select().from(consultation).where(eq(consultation.id, id));
    const [row] = await tx
      .update(consultation)
      .set({ ...values, version: version + 1, updatedAt: deps.now() })
      .where(and(eq(consultation.id, id), eq(consultation.version, version), eq(consultation.state, 'draft')))
      .returning({ id: consultation.id, version: consultation.version });
    if (!row) throw new Conflict(STALE);
    const change = diff(
      {
        title: before!.title,
        decisionType: before!.decisionType,
        concernsMarket: before!.concernsMarket,
        opensOn: before!.opensOn,
        closesOn: before!.closesOn,
        documentId: before!.documentId,
      },
      {
        title: values.title,
        decisionType: values.decisionType,
        concernsMarket: values.concernsMarket,
        opensOn: values.opensOn,
        closesOn: values.closesOn,
        documentId: values.documentId,
      },
    );
    await audit({
      action: 'consultation.updated',
      subjectType: 'consultation',
      subjectId: id,
      agencyId: values.agencyId,
      data: change,
    });
    return row;
  });
}
