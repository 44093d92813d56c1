// Schemas of the applications API (依申请公开, issue 9.8). Two kinds:
// - Request bodies whose rules live in a command (submitApplication's fields, recordApplicationEvent's
//   EventFields) are documented here but validated there, so the portal form, the back office and the
//   API give the same Chinese messages and every problem at once. Their fields are `z.unknown()` with
//   the published JSON Schema as metadata (the event schema is generated from EventFields itself).
// - Responses are strict zod objects, as everywhere in the API: a presenter cannot add a field by mistake.
import { z } from 'zod';
import { EventFields } from '../../commands/applications/record.js';
import { APPLICANT_TYPES } from '../../domain/applications/applicant.js';
import { ID_TYPES } from '../../domain/applications/identity.js';
import { OUTCOMES } from '../../domain/applications/outcomes.js';
import { DELIVERIES, FORMS } from '../../domain/applications/request.js';
import { CASE_STATES, TRANSITIONS } from '../../domain/applications/state.js';
import { RECEIPT_CHANNELS } from '../../domain/calendar/receipt.js';
import { INBOX_VIEWS } from '../../queries/application-inbox.js';
import { AgencyRef, apiSchemas } from './schemas.js';

type Meta = Record<string, unknown>;

/** A documented field whose value the command checks (its message is the command's). */
const documented = (meta: Meta) => z.unknown().optional().meta(meta);
const isoDate = { type: 'string', format: 'date', description: '日期 YYYY-MM-DD（北京时间）' };

const APPLICATION_FIELDS = {
  agencyCode: documented({
    type: 'string',
    description: '受理机关的机构代码（见 GET /api/v1/agencies 或门户网站）',
  }),
  applicantType: documented({
    type: 'string',
    enum: [...APPLICANT_TYPES],
    description:
      '申请人类型，即年报表三的列：natural 自然人；commercial 商业企业；research 科研机构；publicInterest 社会公益组织；legalService 法律服务机构；otherOrg 其他法人或其他组织',
  }),
  name: documented({ type: 'string', maxLength: 100, description: '申请人姓名或名称' }),
  contactPerson: documented({
    type: ['string', 'null'],
    maxLength: 50,
    description: '联系人（法人或其他组织）',
  }),
  idType: documented({
    type: 'string',
    enum: [...ID_TYPES],
    description:
      '证件类型：residentId 居民身份证（校验位核对）；creditCode 统一社会信用代码（校验码核对）；passport 护照；hkMacauPermit 港澳居民来往内地通行证；taiwanPermit 台湾居民来往大陆通行证；other 其他身份证明。自然人不能使用 creditCode，法人或其他组织只能使用 creditCode 或 other',
  }),
  idNumber: documented({ type: 'string', description: '证件号码（加密保存，只显示脱敏后的号码）' }),
  phone: documented({ type: 'string', description: '联系电话：手机号码或带区号的固定电话' }),
  email: documented({
    type: ['string', 'null'],
    format: 'email',
    maxLength: 200,
    description: '电子邮箱；delivery 为 email 时必填。填写后，办理进展会发送到此邮箱',
  }),
  address: documented({
    type: ['string', 'null'],
    maxLength: 200,
    description: '通信地址；delivery 为 post 时必填',
  }),
  postalCode: documented({
    type: ['string', 'null'],
    pattern: '^\\d{6}$',
    description: '邮政编码（6 位数字）',
  }),
  description: documented({
    type: 'string',
    minLength: 5,
    maxLength: 2000,
    description: '所需政府信息的名称、文号或者便于查询的其他特征性描述（第二十九条）',
  }),
  documentTitle: documented({
    type: ['string', 'null'],
    maxLength: 200,
    description: '文件名称（知道时填写）',
  }),
  documentNumber: documented({ type: ['string', 'null'], maxLength: 100, description: '文号（知道时填写）' }),
  form: documented({
    type: 'string',
    enum: [...FORMS],
    description: '获取信息的形式：paper 纸质；electronic 电子；inspection 当场阅读、抄录',
  }),
  delivery: documented({
    type: 'string',
    enum: [...DELIVERIES],
    description: '获取信息的途径：post 邮寄；pickup 当面领取；email 电子邮件；online 网上获取（本平台）',
  }),
};

const REQUIRED_APPLICATION_FIELDS = [
  'agencyCode',
  'applicantType',
  'name',
  'idType',
  'idNumber',
  'phone',
  'description',
  'form',
  'delivery',
];

/** The names a request may use; any other is answered 422 (a misspelt optional field is not silently lost). */
export const APPLICATION_FIELD_NAMES = Object.keys(APPLICATION_FIELDS);

export const ApplicationRequest = z
  .object(APPLICATION_FIELDS, { error: '请求体应为 JSON 对象' })
  .meta({ required: REQUIRED_APPLICATION_FIELDS, additionalProperties: false })
  .register(apiSchemas, {
    id: 'ApplicationRequest',
    description:
      '一份政府信息公开申请（第二十九条）。不问申请目的。所有问题一次列出：422 的 fieldErrors 以字段名为键给出中文说明',
  });

export const ApplicationReceipt = z
  .strictObject({
    trackingNumber: z.string().meta({ description: '申请编号，如 2026-0000123', examples: ['2026-0000123'] }),
    queryCode: z.string().meta({
      description: '查询码：只在此时给出一次（只保存其哈希），与申请编号一起用于查询进度',
      examples: ['7K3M-Q9WD-X2HP'],
    }),
    receivedOn: z.iso.date().meta({ description: '收到申请之日（第三十一条；网上提交即为提交当日）' }),
    dueDate: z.iso
      .date()
      .nullable()
      .meta({ description: '答复期限：收到申请之日起 20 个工作日（第三十三条）' }),
  })
  .register(apiSchemas, { id: 'ApplicationReceipt', description: '已受理的申请：申请编号与查询码' });

export const StaffApplicationRequest = z
  .object(
    {
      ...APPLICATION_FIELDS,
      receipt: documented({
        type: 'object',
        required: ['channel'],
        additionalProperties: false,
        description:
          '收到申请的事实（第三十一条）：in-person 当面提交填 submittedOn；signed-post 需签收的邮寄填 signedOn；ordinary-post 平常信函、online 互联网渠道、fax 传真填 arrivedOn 和双方确认之日 confirmedOn（未确认前不能登记）',
        properties: {
          channel: { type: 'string', enum: [...RECEIPT_CHANNELS] },
          submittedOn: isoDate,
          signedOn: isoDate,
          arrivedOn: isoDate,
          confirmedOn: isoDate,
        },
      }),
    },
    { error: '请求体应为 JSON 对象' },
  )
  .meta({ required: [...REQUIRED_APPLICATION_FIELDS, 'receipt'], additionalProperties: false })
  .register(apiSchemas, {
    id: 'StaffApplicationRequest',
    description:
      '公开工作机构登记的纸质、当面、邮寄或传真申请：申请内容（同 ApplicationRequest）加收到申请的事实 receipt',
  });

export const LookupQuery = z.object({
  queryCode: z
    .string({ error: '请填写查询码' })
    .trim()
    .min(1, '请填写查询码')
    .max(40, '查询码不正确')
    .meta({
      description: '提交申请时得到的查询码（不区分大小写，可省略连字符）',
      examples: ['7K3M-Q9WD-X2HP'],
    }),
});

export const TrackingParams = z.object({
  trackingNumber: z
    .string()
    .min(1)
    .max(40)
    .meta({ description: '申请编号（可省略连字符）', examples: ['2026-0000123'] }),
});

const status = z.enum(CASE_STATES).meta({
  description:
    '办理状态（稳定的英文代码）：received 办理中；awaiting-correction 待补正；consulting 征求意见中；awaiting-payment 待缴费；decided 已答复；closed-abandoned 视为放弃申请；closed-fee-unpaid 逾期未缴费，不再处理；withdrawn 申请人已撤回；transferred 已转交有权机关',
});
const outcome = z.enum(OUTCOMES).nullable().meta({
  description:
    '办结结果：年报表三（2021 年格式）的行键，如 granted、partial、denied.thirdParty、other.misc；办理中为 null',
});

export const ApplicationNoticeRef = z
  .strictObject({
    id: z.number().int(),
    title: z.string().meta({ description: '告知书标题' }),
    number: z.string().nullable().meta({ description: '文号，如 江南府办依复〔2026〕12号' }),
    issuedOn: z.iso.date(),
    servedOn: z.iso.date().nullable().meta({ description: '送达日期；尚未送达为 null' }),
  })
  .register(apiSchemas, { id: 'ApplicationNoticeRef', description: '告知书' });

const Segment = z.strictObject({
  from: z.iso.date(),
  to: z.iso.date(),
  kind: z.enum(['counted', 'weekend', 'holiday', 'makeup-workday', 'pause', 'extension', 'closure']),
  reason: z.string(),
  workdays: z.number().int().meta({ description: '这段日子中计入期限的工作日数' }),
});

export const DeadlineExplanation = z
  .strictObject({
    start: z.iso.date().meta({ description: '起算日（第 0 天）' }),
    startReason: z.string(),
    period: z.number().int().meta({ description: '计入的工作日总数' }),
    segments: z
      .array(Segment)
      .meta({ description: '从起算日到期限届满逐段说明：计入、周末、节假日、不计入的时间等' }),
    notes: z.array(z.string()).meta({ description: '推定的日期、未改变结果的事实等说明' }),
  })
  .register(apiSchemas, { id: 'DeadlineExplanation', description: '答复期限的逐日计算说明' });

export const PublicApplication = z
  .strictObject({
    trackingNumber: z.string(),
    agencyName: z.string().meta({ description: '受理机关' }),
    status,
    statusLabel: z.string().meta({ description: '办理状态的中文名称' }),
    receivedOn: z.iso.date(),
    dueDate: z.iso
      .date()
      .nullable()
      .meta({ description: '答复期限；待补正、已办结等没有期限在运行时为 null' }),
    explanation: DeadlineExplanation.nullable(),
    outcome,
    outcomeLabel: z.string().nullable().meta({ description: '办结结果的中文名称' }),
    notices: z.array(ApplicationNoticeRef).meta({ description: '送达申请人的告知书' }),
  })
  .register(apiSchemas, { id: 'PublicApplication', description: '申请人凭申请编号和查询码看到的办理情况' });

const PAGE_MAX = 100;
export const ApplicationListQuery = z.object({
  view: z
    .enum(INBOX_VIEWS, { error: 'view 只能是 open、dueSoon、overdue、closed 或 all' })
    .default('open')
    .meta({
      description: 'open 办理中（默认）；dueSoon 3 个工作日内到期；overdue 已逾期；closed 已办结；all 全部',
    }),
  agencyCode: z
    .string()
    .trim()
    .max(40, 'agencyCode 不正确')
    .optional()
    .meta({ description: '只列出这一个机构的申请（须在令牌用户的范围内）；默认为整个范围' }),
  q: z
    .string()
    .trim()
    .max(100, 'q 不能超过 100 个字')
    .optional()
    .meta({ description: '申请编号，或申请人姓名、所需信息描述中的文字' }),
  limit: z.coerce
    .number({ error: 'limit 必须是整数' })
    .int({ error: 'limit 必须是整数' })
    .min(1, { error: 'limit 不能小于 1' })
    .max(PAGE_MAX, { error: `limit 不能大于 ${PAGE_MAX}` })
    .default(50)
    .meta({ description: `每页条数，1–${PAGE_MAX}，默认 50` }),
  after: z.coerce
    .number({ error: 'after 必须是整数' })
    .int({ error: 'after 必须是整数' })
    .min(0, { error: 'after 不能为负数' })
    .default(0)
    .meta({ description: '游标：上一页响应中的 next 值；首页省略' }),
});

export const ApplicationListItem = z
  .strictObject({
    id: z.number().int(),
    trackingNumber: z.string(),
    agencyCode: z.string(),
    agencyName: z.string(),
    applicantType: z.enum(APPLICANT_TYPES),
    receivedOn: z.iso.date(),
    status,
    statusLabel: z.string(),
    dueDate: z.iso.date().nullable(),
    overdue: z.boolean().meta({ description: '办理中且已过答复期限' }),
    dueSoon: z.boolean().meta({ description: '办理中且 3 个工作日内到期' }),
    outcome,
    concludedOn: z.iso.date().nullable(),
    assignedTo: z.string().nullable().meta({ description: '承办人姓名；未分配为 null' }),
  })
  .register(apiSchemas, {
    id: 'ApplicationListItem',
    description: '申请列表中的一项（不含申请人的个人信息）',
  });

export const ApplicationPage = z
  .strictObject({
    data: z.array(ApplicationListItem),
    next: z
      .number()
      .int()
      .nullable()
      .meta({ description: '下一页的游标（作为 after 传入）；没有更多时为 null' }),
  })
  .register(apiSchemas, { id: 'ApplicationPage', description: '按 id 排序、分页的申请列表' });

const ACTIONS = TRANSITIONS.map((t) => t.action);
const action = z.enum(ACTIONS as [string, ...string[]]);

export const ApplicationDetail = z
  .strictObject({
    id: z.number().int(),
    trackingNumber: z.string(),
    version: z.number().int().meta({ description: '版本号：记录办理事项或分配时原样传回（乐观锁）' }),
    agency: AgencyRef,
    applicant: z.strictObject({
      type: z.enum(APPLICANT_TYPES),
      typeLabel: z.string(),
      name: z.string(),
      contactPerson: z.string().nullable(),
      idType: z.enum(ID_TYPES),
      idTypeLabel: z.string(),
      idNumberMasked: z.string().meta({ description: '脱敏的证件号码' }),
      phoneMasked: z.string().nullable(),
      postalCode: z.string().nullable(),
      hasEmail: z.boolean(),
      hasAddress: z.boolean(),
    }),
    description: z.string(),
    documentTitle: z.string().nullable(),
    documentNumber: z.string().nullable(),
    form: z.enum(FORMS),
    delivery: z.enum(DELIVERIES),
    channel: z.enum(RECEIPT_CHANNELS),
    receivedOn: z.iso.date(),
    status,
    statusLabel: z.string(),
    deadline: z.strictObject({
      dueDate: z.iso.date().nullable(),
      daysLeft: z.number().int().nullable().meta({ description: '剩余工作日；逾期为负数' }),
      explanation: DeadlineExplanation.nullable(),
    }),
    allowed: z.array(action).meta({ description: '当前状态下可以记录的办理事项（event.type）' }),
    extensionPending: z
      .strictObject({ requestedOn: z.iso.date(), workdays: z.number().int() })
      .nullable()
      .meta({ description: '等待负责人批准的延期申请' }),
    outcome,
    outcomeLabel: z.string().nullable(),
    concludedOn: z.iso.date().nullable(),
    assignedTo: z.strictObject({ id: z.number().int(), name: z.string() }).nullable(),
    history: z.array(
      z.strictObject({
        seq: z.number().int(),
        type: z.string().meta({ description: 'received 或 event.type 之一' }),
        label: z.string(),
        on: z.iso.date(),
        event: z.record(z.string(), z.unknown()).meta({ description: '记录的事实（同请求中的 event）' }),
        note: z.string().nullable(),
        recordedBy: z.string().nullable().meta({ description: '记录人；系统记录为 null' }),
        recordedAt: z.iso.datetime({ offset: true }),
      }),
    ),
    notices: z.array(
      ApplicationNoticeRef.extend({
        kind: z.string(),
        servedMethod: z.string().nullable(),
        toApplicant: z.boolean(),
      }),
    ),
  })
  .register(apiSchemas, {
    id: 'ApplicationDetail',
    description: '工作人员看到的申请（个人信息脱敏）、状态、期限及其说明、可办事项、办理记录和告知书',
  });

/** EventFields (src/commands/applications/record.ts) as JSON Schema: the schema that checks the event. */
function eventJsonSchema(): Meta {
  const { $schema: _s, ...rest } = z.toJSONSchema(EventFields, {
    io: 'input',
    target: 'draft-2020-12',
    unrepresentable: 'any',
  }) as Meta;
  return rest;
}

export const ApplicationEvent = z
  .unknown()
  .meta({
    ...eventJsonSchema(),
    discriminator: { propertyName: 'type' },
    description:
      '办理事项（日期为事实发生之日）：correctionRequested 告知补正（dueBy 补正期限）；correctionReceived 收到补正；consultationSent / consultationReceived / consultationAnswered 征求意见；extensionRequested 申请延期，extensionApproved 负责人批准延期；reasonablePeriodNotified 告知合理答复期限（第三十五条）；feeNotified / feeNoticeReceived / feePaid 收费；withdrawn 撤回；transferred 转交有权机关；decisionServed 答复（outcome 为表三行键，ground 为依据条款，refusal 须写 reasons）',
  })
  .register(apiSchemas, { id: 'ApplicationEvent' });

export const EventRequest = z
  .object(
    {
      version: z.number({ error: '缺少版本号 version，请先读取申请' }).int('version 应为整数'),
      event: ApplicationEvent.optional(),
      note: z
        .string()
        .max(4000, '备注不能超过 4000 个字')
        .nullable()
        .optional()
        .meta({ description: '备注' }),
    },
    { error: '请求体应为 JSON 对象' },
  )
  .meta({ required: ['version', 'event'] })
  .register(apiSchemas, {
    id: 'EventRequest',
    description: '记录一个办理事项。event 有误时，422 的 fieldErrors 以 event.字段名 为键（如 event.on）',
  });

export const EventRecorded = z
  .strictObject({
    version: z.number().int().meta({ description: '新的版本号' }),
    eventId: z.number().int(),
    notice: z
      .strictObject({
        id: z.number().int(),
        kind: z.string(),
        number: z.string().nullable(),
        title: z.string(),
      })
      .nullable()
      .meta({ description: '这一步生成的告知书；没有为 null' }),
  })
  .register(apiSchemas, { id: 'EventRecorded' });

export const AssignRequest = z
  .object(
    {
      version: z.number({ error: '缺少版本号 version，请先读取申请' }).int('version 应为整数'),
      userId: z
        .number({ error: '请指定承办人 userId（取消分配传 null）' })
        .int()
        .positive()
        .nullable()
        .meta({ description: '承办人（本机关的公开工作人员）的用户 id；null 表示取消分配' }),
    },
    { error: '请求体应为 JSON 对象' },
  )
  .register(apiSchemas, { id: 'AssignRequest' });

export const Assigned = z
  .strictObject({ version: z.number().int() })
  .register(apiSchemas, { id: 'Assigned' });

export const NoticeFileParams = TrackingParams.extend({
  noticeId: z.coerce
    .number({ error: '告知书 id 应为整数' })
    .int('告知书 id 应为整数')
    .positive('告知书 id 应为正整数')
    .max(2147483647, '告知书 id 不正确')
    .meta({ description: '告知书的 id（查询结果 notices 中的 id）' }),
});

export const NoticePdf = z
  .string()
  .meta({ contentMediaType: 'application/pdf' })
  .register(apiSchemas, { id: 'NoticePdf', description: '告知书的 PDF 文件（内嵌中文字体，可直接打印）' });
