// Records the 送达 of a notice (告知书): how it reached the addressee and on which day. A notice
// served online is recorded when it is issued; a posted, handed-over, e-mailed or faxed one is
// recorded here when it happens. The day may not be before the notice was issued nor after today,
// and a notice is served once: a second record is refused (the first one stays, audited).
import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { isIsoDate } from '../../domain/calendar/iso-date.js';
import { chineseDate } from '../../domain/notices/dates.js';
import { InvalidInput, InvalidTransition, NotFound } from '../../domain/errors.js';
import { loadCase } from '../../db/repositories/applications.js';
import { notice } from '../../db/schema.js';
import { localDate } from '../../lib/time.js';
import { authorize } from '../../policies/policy.js';
import { inTransaction, type CommandContext, type Deps } from '../context.js';
import { parseInput } from '../validation.js';
import { SERVICE_METHODS, SERVICE_METHOD_NAMES, type ServiceMethod } from '../../domain/notices/service.js';

const ServiceFields = z.object({
  applicationId: z.coerce.number().int().positive(),
  noticeId: z.coerce.number().int().positive(),
  method: z.enum(SERVICE_METHODS, { error: '请选择送达方式' }),
  on: z
    .string({ error: '请填写送达日期' })
    .trim()
    .min(1, '请填写送达日期')
    .refine(isIsoDate, '请填写有效的送达日期，例如 2026-11-30'),
});

export type ServiceInput = z.input<typeof ServiceFields>;

export async function recordService(deps: Deps, ctx: CommandContext, input: ServiceInput) {
  const f = parseInput(ServiceFields, input);
  const loaded = await loadCase(deps.db, f.applicationId);
  authorize(ctx.actor, 'application.handle', { agencyPath: loaded.agencyPath });
  const today = localDate(deps.now());
  return inTransaction(deps, ctx, async (tx, audit) => {
    const [row] = await tx
      .select()
      .from(notice)
      .where(and(eq(notice.id, f.noticeId), eq(notice.applicationId, f.applicationId)))
      .for('update');
    if (!row) throw new NotFound('未找到该告知书');
    if (row.servedOn)
      throw new InvalidTransition(
        `该告知书已于${chineseDate(row.servedOn)}送达（${SERVICE_METHOD_NAMES[row.servedMethod as ServiceMethod] ?? '已记录'}），不能重复记录`,
      );
    if (f.on > today) throw new InvalidInput({ on: '送达日期不能晚于今天' });
    if (f.on < row.issuedOn)
      throw new InvalidInput({
        on: `送达日期不能早于告知书的发出日期（${chineseDate(row.issuedOn)}）`,
      });
    const [updated] = await tx
      .update(notice)
      .set({ servedMethod: f.method, servedOn: f.on })
      .where(and(eq(notice.id, row.id), isNull(notice.servedOn)))
      .returning({ id: notice.id });
    if (!updated) throw new InvalidTransition('该告知书已记录送达，不能重复记录');
    await audit({
      action: 'notice.served',
      subjectType: 'application',
      subjectId: loaded.app.id,
      agencyId: loaded.app.agencyId,
      data: {
        trackingNumber: loaded.app.trackingNumber,
        notice: row.number ?? row.title,
        method: SERVICE_METHOD_NAMES[f.method],
        on: f.on,
      },
    });
    return { noticeId: row.id, method: f.method, on: f.on };
  });
}
