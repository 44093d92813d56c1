// The handling actions of a letter's case page, one form each, shown only when the letter's state
// allows the step and the actor holds the right. Each form posts {action, version, <action>.<field>…}
// to /admin/letters/:id/actions; the field names carry the action so that every field of the page has
// its own id (the error summary's links land on the right one). Works without JavaScript: each action
// is a <details> block, opened when its form comes back with errors.
import type { Child, FC } from 'hono/jsx';
import { DECLINE_OUTCOMES, type DeclineOutcome } from '../../domain/letters/kinds.js';
import type { MaskingSuggestion } from '../../domain/letters/masking.js';
import type { LetterCase } from '../../queries/letter-case.js';
import { Button, Input, PostForm, Select, TextArea, type FieldErrors } from '../components/forms.js';
import { formatDate } from '../i18n.js';
import { MASKING_KIND_LABELS, TRIAGE_LABELS } from '../models/letter-labels.js';

export const LETTER_ACTIONS = [
  'accept',
  'decline',
  'assign',
  'transfer',
  'escalate',
  'instruct',
  'reply',
  'review',
  'extension',
  'extensionDecision',
  'supervise',
  'publication',
  'archive',
] as const;
export type LetterAction = (typeof LETTER_ACTIONS)[number];

export const LETTER_ACTION_LABELS: Record<LetterAction, string> = {
  accept: '受理',
  decline: '不予受理、无效件或重复件',
  assign: '交承办单位（分配承办人）',
  transfer: '转办',
  escalate: '呈领导批示（呈办）',
  instruct: '记录领导批示并交办',
  reply: '拟写答复',
  review: '审核答复',
  extension: '申请延期',
  extensionDecision: '审批延期申请',
  supervise: '督办',
  publication: '公开决定',
  archive: '归档',
};

export const isLetterAction = (v: string): v is LetterAction =>
  (LETTER_ACTIONS as readonly string[]).includes(v);

/** What was posted and came back: the action, its values (prefixed names) and its errors. */
export interface PostedLetterAction {
  action: string;
  values: Record<string, string>;
  errors?: FieldErrors;
  message?: string;
}

type Option = { value: string; label: string };

export interface LetterActionsProps {
  detail: LetterCase;
  csrf: string;
  today: string;
  actions: LetterAction[];
  posted?: PostedLetterAction;
  /** Units of the actor's subtree (承办单位 for accept, assign, instruct). */
  unitOptions: Option[];
  /** Every active agency (转办 may leave the subtree). */
  transferOptions: Option[];
  officerOptions: Option[];
  /** The public version suggested by the masking step (publication editor). */
  masking?: { title: MaskingSuggestion; content: MaskingSuggestion; reply: MaskingSuggestion };
  /** 相关问答 beside the reply form (the Q&A library), and an answer chosen for reuse. */
  qaSlot?: Child;
  reuse?: { qaId: number; answer: string; question: string };
}

/** `<action>.<field>`: the name of a field of one action's form. */
export const letterField = (action: string, field: string) => `${action}.${field}`;

export const LetterActionForms: FC<LetterActionsProps> = (p) => {
  const d = p.detail;
  const posted = p.posted;
  if (p.actions.length === 0) return null;
  const v = (action: LetterAction, field: string, fallback = ''): string =>
    posted?.action === action ? (posted.values[letterField(action, field)] ?? '') : fallback;
  const errs = (action: LetterAction) => (posted?.action === action ? posted.errors : undefined);

  const Action: FC<{
    action: LetterAction;
    intro?: Child;
    children?: Child;
    submit?: Child;
    id?: string;
    open?: boolean;
  }> = (a) => (
    <details
      id={a.id ?? `act-${a.action}`}
      class="case-action"
      open={posted?.action === a.action || a.open || undefined}
    >
      <summary>{LETTER_ACTION_LABELS[a.action]}</summary>
      {a.intro}
      {posted?.action === a.action && posted.message && !posted.errors ? (
        <p class="error-message">{posted.message}</p>
      ) : null}
      <PostForm action={`/admin/letters/${d.id}/actions`} csrf={p.csrf}>
        <input type="hidden" name="action" value={a.action} />
        <input type="hidden" name="version" value={String(d.version)} />
        {a.children}
        {a.submit ?? <Button>{LETTER_ACTION_LABELS[a.action]}</Button>}
      </PostForm>
    </details>
  );

  const declineIntro: Record<DeclineOutcome, string> = {
    rejected:
      '不予受理：如110/119/120紧急事项，已进入诉讼、仲裁、行政复议或信访程序的事项，党群、人大、政协、法院、检察院、军队事务，涉及国家秘密、商业秘密、个人隐私，办理期限内重复来信，无真实姓名或联系方式等。',
    invalid: '无效件：广告、无具体诉求、无意义内容等。无效件不计入三个月未答复的检查范围。',
    duplicate: '重复件：与此前的来信反映同一事项，请填写此前来信的信件编号。',
  };

  const forms: Record<LetterAction, () => Child> = {
    accept: () => (
      <Action
        action="accept"
        intro={<p class="hint">受理后开始计算办理期限。可同时指定承办单位，也可以稍后交办。</p>}
      >
        <Select
          name={letterField('accept', 'agencyId')}
          label="承办单位（可不选）"
          value={v('accept', 'agencyId')}
          options={p.unitOptions}
          includeBlank="暂不指定"
          errors={errs('accept')}
        />
        <TextArea
          name={letterField('accept', 'note')}
          label="说明（可不填）"
          value={v('accept', 'note')}
          errors={errs('accept')}
          rows={2}
        />
      </Action>
    ),
    decline: () => (
      <Action
        action="decline"
        intro={
          <ul class="hint">
            {DECLINE_OUTCOMES.map((o) => (
              <li>{declineIntro[o]}</li>
            ))}
            <li>不予受理、无效件和重复件同样答复来信人，说明理由。</li>
          </ul>
        }
      >
        <Select
          name={letterField('decline', 'triage')}
          label="分拣结果"
          value={v('decline', 'triage')}
          options={DECLINE_OUTCOMES.map((o) => ({ value: o, label: TRIAGE_LABELS[o] }))}
          includeBlank="请选择"
          errors={errs('decline')}
        />
        <TextArea
          name={letterField('decline', 'reason')}
          label="理由"
          value={v('decline', 'reason')}
          errors={errs('decline')}
          rows={3}
        />
        <Input
          name={letterField('decline', 'duplicateOfTracking')}
          label="此前来信的信件编号（重复件填写）"
          value={v('decline', 'duplicateOfTracking', d.sameWriter[0]?.trackingNumber ?? '')}
          errors={errs('decline')}
          width="medium"
        />
        <TextArea
          name={letterField('decline', 'replyText')}
          label="答复来信人"
          hint="将作为答复告知来信人"
          value={v('decline', 'replyText')}
          errors={errs('decline')}
          rows={5}
        />
      </Action>
    ),
    assign: () => (
      <Action action="assign">
        <Select
          name={letterField('assign', 'agencyId')}
          label="承办单位"
          value={v('assign', 'agencyId', String(d.handlingAgency?.id ?? d.agency.id))}
          options={p.unitOptions}
          errors={errs('assign')}
        />
        <Select
          name={letterField('assign', 'userId')}
          label="承办人（可不选）"
          value={v('assign', 'userId', d.assignedTo ? String(d.assignedTo.id) : '')}
          options={p.officerOptions}
          includeBlank="不指定"
          errors={errs('assign')}
        />
      </Action>
    ),
    transfer: () => (
      <Action
        action="transfer"
        intro={<p class="hint">转办后由接收单位负责办理（尚未受理的信件由接收单位分拣）。</p>}
      >
        <Select
          name={letterField('transfer', 'agencyId')}
          label="转至"
          value={v('transfer', 'agencyId')}
          options={p.transferOptions}
          includeBlank="请选择"
          errors={errs('transfer')}
        />
        <TextArea
          name={letterField('transfer', 'reason')}
          label="转办理由"
          value={v('transfer', 'reason')}
          errors={errs('transfer')}
          rows={3}
        />
      </Action>
    ),
    escalate: () => (
      <Action action="escalate" intro={<p class="hint">呈领导批示后，记录批示内容并交承办单位办理。</p>}>
        <Input
          name={letterField('escalate', 'leader')}
          label="呈送领导"
          hint="姓名和职务，例如：王某某副市长"
          value={v('escalate', 'leader')}
          errors={errs('escalate')}
          width="medium"
        />
        <TextArea
          name={letterField('escalate', 'note')}
          label="拟办意见（可不填）"
          value={v('escalate', 'note')}
          errors={errs('escalate')}
          rows={3}
        />
      </Action>
    ),
    instruct: () => (
      <Action
        action="instruct"
        intro={
          d.escalatedTo ? (
            <p class="hint">
              {formatDate('zh', d.escalatedTo.on)}呈{d.escalatedTo.leader}批示
              {d.escalatedTo.note ? `，拟办意见：${d.escalatedTo.note}` : ''}。
            </p>
          ) : undefined
        }
      >
        <TextArea
          name={letterField('instruct', 'instruction')}
          label="领导批示"
          value={v('instruct', 'instruction')}
          errors={errs('instruct')}
          rows={3}
        />
        <Select
          name={letterField('instruct', 'agencyId')}
          label="交办单位"
          value={v('instruct', 'agencyId', String(d.handlingAgency?.id ?? ''))}
          options={p.unitOptions}
          includeBlank="请选择"
          errors={errs('instruct')}
        />
      </Action>
    ),
    reply: () => (
      <Action
        action="reply"
        id="reply"
        open={!!p.reuse}
        intro={
          <>
            {d.returned ? (
              <div class="notice notice-warning">
                审核退回（{formatDate('zh', d.returned.on)}）：{d.returned.comment}
              </div>
            ) : null}
            <p class="hint">
              {d.mailbox.reviewRequired
                ? '本信箱的答复须经审核：提交后由负责人审核，审核通过即答复来信人。'
                : '本信箱的答复不需审核：提交即答复来信人。'}
            </p>
            {p.qaSlot ?? null}
          </>
        }
        submit={<Button>{d.mailbox.reviewRequired ? '提交审核' : '答复来信人'}</Button>}
      >
        {p.reuse ? (
          <>
            <input type="hidden" name={letterField('reply', 'qaIds')} value={String(p.reuse.qaId)} />
            <p class="notice" role="status">
              已引用答问库中的答复：「{p.reuse.question}」。请根据来信修改后再提交。
            </p>
          </>
        ) : posted?.action === 'reply' && posted.values[letterField('reply', 'qaIds')] ? (
          <input
            type="hidden"
            name={letterField('reply', 'qaIds')}
            value={posted.values[letterField('reply', 'qaIds')]}
          />
        ) : null}
        <TextArea
          name={letterField('reply', 'text')}
          label="答复内容"
          value={v('reply', 'text', p.reuse?.answer ?? d.draft?.text ?? '')}
          errors={errs('reply')}
          rows={10}
        />
      </Action>
    ),
    review: () => (
      <Action
        action="review"
        open
        intro={
          d.draft ? (
            <div class="letter-draft">
              <h3>
                待审核的答复（{formatDate('zh', d.draft.on)}
                {d.draft.by ? `，${d.draft.by}` : ''}）
              </h3>
              <div class="letter-text">{d.draft.text}</div>
            </div>
          ) : undefined
        }
        submit={
          <div class="button-group">
            <Button name={letterField('review', 'decision')} value="approve">
              审核通过并答复
            </Button>
            <Button name={letterField('review', 'decision')} value="return" variant="secondary">
              退回修改
            </Button>
          </div>
        }
      >
        <TextArea
          name={letterField('review', 'comment')}
          label="审核意见（退回时必填）"
          value={v('review', 'comment')}
          errors={errs('review')}
          rows={3}
        />
      </Action>
    ),
    extension: () => (
      <Action
        action="extension"
        intro={
          <p class="hint">
            情况复杂的，可以申请延期，由负责人审批。本信箱最长可延期{d.mailbox.maxExtensionDays}个工作日。
          </p>
        }
        submit={<Button>提交延期申请</Button>}
      >
        <Input
          name={letterField('extension', 'days')}
          type="number"
          label="延长的工作日数"
          value={v('extension', 'days', String(Math.min(5, d.mailbox.maxExtensionDays)))}
          errors={errs('extension')}
          width="short"
        />
        <TextArea
          name={letterField('extension', 'reason')}
          label="延期理由"
          value={v('extension', 'reason')}
          errors={errs('extension')}
          rows={3}
        />
      </Action>
    ),
    extensionDecision: () => (
      <Action
        action="extensionDecision"
        open
        intro={
          d.extensionPending ? (
            <p>
              {formatDate('zh', d.extensionPending.on)}申请延期{d.extensionPending.days}个工作日，理由：
              {d.extensionPending.reason}
            </p>
          ) : undefined
        }
        submit={
          <div class="button-group">
            <Button name={letterField('extensionDecision', 'approve')} value="yes">
              批准延期
            </Button>
            <Button name={letterField('extensionDecision', 'approve')} value="no" variant="secondary">
              不予延期
            </Button>
          </div>
        }
      >
        <Input
          name={letterField('extensionDecision', 'days')}
          type="number"
          label="批准延长的工作日数"
          value={v('extensionDecision', 'days', String(d.extensionPending?.days ?? ''))}
          errors={errs('extensionDecision')}
          width="short"
        />
        <TextArea
          name={letterField('extensionDecision', 'reason')}
          label="不予延期的理由（不予延期时必填）"
          value={v('extensionDecision', 'reason')}
          errors={errs('extensionDecision')}
          rows={2}
        />
      </Action>
    ),
    supervise: () => (
      <Action
        action="supervise"
        intro={<p class="hint">督办逾期或临近三个月未答复的信件：承办单位将收到督办通知。</p>}
      >
        <TextArea
          name={letterField('supervise', 'comment')}
          label="督办意见"
          value={v('supervise', 'comment')}
          errors={errs('supervise')}
          rows={3}
        />
      </Action>
    ),
    publication: () => <PublicationAction />,
    archive: () => (
      <Action
        action="archive"
        intro={<p class="hint">已答复的信件归档后不再办理；公开决定和评价不受影响。</p>}
      />
    ),
  };

  const PublicationAction: FC = () => {
    const m = p.masking;
    // Only an accepted and answered letter whose writer agreed may be published (decidePublication).
    const publishable = d.publicConsent && d.view.triage === 'accepted';
    const findings = m ? [...m.title.findings, ...m.content.findings, ...m.reply.findings] : [];
    const seen = new Set<string>();
    const unique = findings.filter((f) => {
      const k = `${f.kind}:${f.original}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
    return (
      <Action
        action="publication"
        id="publication"
        intro={
          <>
            <p class="hint">
              公开的是另行编辑的公开版本，不是原信。下面已按自动识别结果隐去姓名、电话号码、身份证号码、电子邮箱和地址，请逐项核对，必要时继续修改后再公开。
            </p>
            {publishable ? null : (
              <p class="notice notice-warning">
                {d.publicConsent
                  ? '未受理的信件（不予受理、无效件、重复件）不公开：只能决定不予公开。'
                  : '来信人不同意公开：只能决定不予公开。'}
              </p>
            )}
            {unique.length > 0 ? (
              <div class="letter-findings">
                <h3>自动识别的个人信息（请核对）</h3>
                <ul>
                  {unique.map((f) => (
                    <li>
                      {MASKING_KIND_LABELS[f.kind]}：{f.original} → {f.replacement}
                    </li>
                  ))}
                </ul>
              </div>
            ) : (
              <p class="hint">没有自动识别到个人信息，仍请人工核对。</p>
            )}
          </>
        }
        submit={
          <div class="button-group">
            {publishable ? (
              <Button name={letterField('publication', 'publish')} value="yes">
                核对无误，公开
              </Button>
            ) : null}
            <Button name={letterField('publication', 'publish')} value="no" variant="secondary">
              不予公开
            </Button>
          </div>
        }
      >
        {publishable ? (
          <>
            <Input
              name={letterField('publication', 'publicTitle')}
              label="公开标题"
              value={v('publication', 'publicTitle', d.publication.title ?? m?.title.masked ?? d.title)}
              errors={errs('publication')}
            />
            <TextArea
              name={letterField('publication', 'publicContent')}
              label="公开的来信内容"
              value={v('publication', 'publicContent', d.publication.content ?? m?.content.masked ?? '')}
              errors={errs('publication')}
              rows={8}
            />
            <TextArea
              name={letterField('publication', 'publicReply')}
              label="公开的答复内容"
              value={v('publication', 'publicReply', d.publication.reply ?? m?.reply.masked ?? '')}
              errors={errs('publication')}
              rows={8}
            />
          </>
        ) : null}
        <TextArea
          name={letterField('publication', 'reason')}
          label="不予公开的理由（不予公开时填写）"
          value={v('publication', 'reason')}
          errors={errs('publication')}
          rows={2}
        />
      </Action>
    );
  };

  return (
    <section aria-labelledby="actions-title">
      <h2 id="actions-title">办理</h2>
      {p.actions.map((a) => forms[a]())}
    </section>
  );
};
