// The handling actions of the case page, one form each, shown only when the state allows the action
// and the actor may do it. Each form posts {type, version, <type>.<field>…} to
// /admin/applications/:id/events; the field names carry the action so that every field of the page
// has its own id (the error summary's links land on the right one). Works without JavaScript: each
// action is a <details> block, opened when its form comes back with errors.
import type { Child, FC } from 'hono/jsx';
import {
  DEFAULT_FEE_SCHEDULE,
  type FeeResult,
  type FeeScale,
  type FeeSchedule,
} from '../../domain/applications/fees.js';
import {
  DECISION_OUTCOMES,
  OUTCOME_GROUP_LABELS,
  OUTCOME_RULES,
  type Outcome,
  type OutcomeGroup,
} from '../../domain/applications/outcomes.js';
import type { CaseAction } from '../../domain/applications/transitions.js';
import type { CaseDetail } from '../../queries/application-case.js';
import {
  Button,
  Field,
  fieldId,
  Input,
  PostForm,
  Select,
  TextArea,
  type FieldErrors,
} from '../components/forms.js';
import { formatDate } from '../i18n.js';
import {
  ACTION_LABELS,
  CONSULTATION_KIND_LABELS,
  EVENT_FIELD_LABELS as L,
} from '../models/application-labels.js';

/** What was posted and came back: the action, its values (prefixed names) and its errors. */
export interface PostedAction {
  action: string;
  values: Record<string, string>;
  errors?: FieldErrors;
  message?: string;
}

export interface FeeCalculation {
  values: { feeMethod: string; feeUnits: string; feeEarlier: string };
  result?: FeeResult;
  errors?: FieldErrors;
}

export interface ActionsProps {
  detail: CaseDetail;
  csrf: string;
  today: string;
  /** The actions this actor may record now, in table order. */
  actions: CaseAction[];
  posted?: PostedAction;
  /** The outcome chosen in the decision's first step (?outcome=…). */
  decisionOutcome?: Outcome;
  fee?: FeeCalculation;
  /** The same applicant's items earlier in the month (按件 counts per month). */
  feeEarlierDefault: number;
  /** The installation's fee bands (/admin/settings/rules); the defaults when absent. */
  feeSchedule?: FeeSchedule;
}

/** 「累计10件以内免费」 from a scale's first band, or that nothing is free. */
function freeText(scale: FeeScale, within: string): string {
  const first = scale.bands[0];
  return first && first.rate === 0 && first.upTo !== null
    ? `${within}${first.upTo}${scale.unit}以内免费`
    : '不设免费数量';
}

/** `<type>.<field>`: the name of a field of one action's form. */
export const actionField = (type: string, field: string) => `${type}.${field}`;

/** The outcomes an officer may choose, grouped as table 三 groups them. */
export function outcomeGroups(): { group: OutcomeGroup; label: string; outcomes: Outcome[] }[] {
  const groups: OutcomeGroup[] = ['granted', 'partial', 'denied', 'unable', 'notProcessed', 'other'];
  return groups
    .map((g) => ({
      group: g,
      label: OUTCOME_GROUP_LABELS[g],
      outcomes: DECISION_OUTCOMES.filter((o) => OUTCOME_RULES[o].group === g),
    }))
    .filter((g) => g.outcomes.length > 0);
}

export const ActionForms: FC<ActionsProps> = (p) => {
  const id = p.detail.id;
  const posted = p.posted;
  const has = (t: string) => p.detail.history.some((h) => h.type === t);
  const openConsultations = p.detail.view.deadline.consultations.filter((c) => c.answeredOn === null);
  const notYetReceived = openConsultations.filter((c) => c.receiptAssumed);
  // Hidden when recording it could only fail (one notice of each kind; nothing to answer).
  const shown = p.actions.filter((a) => {
    switch (a) {
      case 'correctionRequested':
      case 'extensionRequested':
      case 'reasonablePeriodNotified':
      case 'feeNotified':
        return !has(a);
      case 'consultationReceived':
        return notYetReceived.length > 0;
      case 'consultationAnswered':
        return openConsultations.length > 0;
      case 'extensionApproved':
        // The head approves in the notice 「延期待批准」 above the forms.
        return false;
      default:
        return true;
    }
  });
  if (shown.length === 0) return null;

  const v = (type: string, field: string, fallback = ''): string =>
    posted?.action === type ? (posted.values[actionField(type, field)] ?? '') : fallback;
  const errs = (type: string) => (posted?.action === type ? posted.errors : undefined);

  /** The frame of one action: a details block with its form. */
  const Action: FC<{ type: CaseAction; intro?: Child; children?: Child; submit?: string }> = (a) => {
    const open =
      posted?.action === a.type ||
      (a.type === 'decisionServed' && !!p.decisionOutcome) ||
      (a.type === 'feeNotified' && !!p.fee);
    return (
      <details id={`act-${a.type}`} class="case-action" open={open || undefined}>
        <summary>{ACTION_LABELS[a.type]}</summary>
        {a.intro}
        <PostForm action={`/admin/applications/${id}/events`} csrf={p.csrf}>
          <input type="hidden" name="type" value={a.type} />
          <input type="hidden" name="version" value={String(p.detail.version)} />
          {a.children}
          <Button>{a.submit ?? `记录：${ACTION_LABELS[a.type]}`}</Button>
        </PostForm>
      </details>
    );
  };

  const On: FC<{ type: CaseAction; label?: string; hint?: string }> = (o) => (
    <Input
      name={actionField(o.type, 'on')}
      type="date"
      label={o.label ?? L.on!}
      hint={o.hint}
      value={v(o.type, 'on', p.today)}
      errors={errs(o.type)}
      width="short"
    />
  );
  const Note: FC<{ type: CaseAction; label?: string; hint?: string; rows?: number }> = (o) => (
    <TextArea
      name={actionField(o.type, 'note')}
      label={o.label ?? '说明（可不填）'}
      hint={o.hint}
      value={v(o.type, 'note')}
      errors={errs(o.type)}
      rows={o.rows ?? 3}
    />
  );
  const partyOptions = (list: typeof openConsultations) =>
    list.map((c) => ({ value: c.party, label: `${c.party}（${formatDate('zh', c.sentOn)}发出）` }));

  const forms: Record<CaseAction, () => Child> = {
    correctionRequested: () => (
      <Action
        type="correctionRequested"
        intro={
          <p class="hint">
            第三十条：申请内容不明确的，应自收到申请之日起7个工作日内（本案为
            {formatDate('zh', p.detail.view.deadline.correctionNoticeDue)}
            前）一次性告知申请人作出补正，说明需要补正的事项和合理的补正期限。补正期间答复期限暂停计算，收到补正后重新起算；逾期不补正的，视为放弃申请。
          </p>
        }
      >
        <On type="correctionRequested" label="告知日期" />
        <Input
          name={actionField('correctionRequested', 'dueBy')}
          type="date"
          label={L.dueBy!}
          hint="申请人应在此日期前（含当日）补正"
          value={v('correctionRequested', 'dueBy')}
          errors={errs('correctionRequested')}
          width="short"
        />
        <Note
          type="correctionRequested"
          label="需要补正的全部事项"
          hint="一次性告知：逐项列明需要补正的全部内容，此后不能再次要求补正"
          rows={5}
        />
      </Action>
    ),
    correctionReceived: () => (
      <Action
        type="correctionReceived"
        intro={<p class="hint">收到补正后，答复期限自收到补正之日起重新计算（第三十条）。</p>}
      >
        <On type="correctionReceived" label="收到补正的日期" />
        <TextArea
          name={actionField('correctionReceived', 'goodReason')}
          label={L.goodReason!}
          hint="补正晚于补正期限的，须注明申请人的正当理由"
          value={v('correctionReceived', 'goodReason')}
          errors={errs('correctionReceived')}
          rows={2}
        />
        <Note type="correctionReceived" />
      </Action>
    ),
    consultationSent: () => (
      <Action
        type="consultationSent"
        intro={
          <p class="hint">
            征求意见所需时间不计入答复期限（第三十三条第三款），以对方收到征求意见书后15个工作日为限。
          </p>
        }
      >
        <On type="consultationSent" label="发出日期" />
        <Input
          name={actionField('consultationSent', 'party')}
          label={L.party!}
          value={v('consultationSent', 'party')}
          errors={errs('consultationSent')}
          width="medium"
        />
        <Select
          name={actionField('consultationSent', 'kind')}
          label={L.kind!}
          value={v('consultationSent', 'kind', 'third-party')}
          options={Object.entries(CONSULTATION_KIND_LABELS).map(([value, label]) => ({ value, label }))}
          errors={errs('consultationSent')}
        />
        <Note type="consultationSent" label="征求意见的事项（可不填）" />
      </Action>
    ),
    consultationReceived: () => (
      <Action type="consultationReceived">
        <On type="consultationReceived" label="对方收到的日期" />
        <Select
          name={actionField('consultationReceived', 'party')}
          label={L.party!}
          value={v('consultationReceived', 'party')}
          options={partyOptions(notYetReceived)}
          errors={errs('consultationReceived')}
        />
      </Action>
    ),
    consultationAnswered: () => (
      <Action type="consultationAnswered">
        <On type="consultationAnswered" label="收到答复的日期" />
        <Select
          name={actionField('consultationAnswered', 'party')}
          label={L.party!}
          value={v('consultationAnswered', 'party')}
          options={partyOptions(openConsultations)}
          errors={errs('consultationAnswered')}
        />
        <Note type="consultationAnswered" label="答复意见摘要（可不填）" />
      </Action>
    ),
    extensionRequested: () => (
      <Action
        type="extensionRequested"
        intro={
          <p class="hint">
            第三十三条第二款：需要延长答复期限的，应当经政府信息公开工作机构负责人同意并告知申请人，延长的期限最长不得超过20个工作日。请在原答复期限
            {p.detail.view.deadline.originalDueDate
              ? `（${formatDate('zh', p.detail.view.deadline.originalDueDate)}）`
              : ''}
            前报负责人批准。
          </p>
        }
        submit="提交负责人批准"
      >
        <On type="extensionRequested" label="申请日期" />
        <Input
          name={actionField('extensionRequested', 'workdays')}
          type="number"
          label={L.workdays!}
          hint="1至20个工作日"
          value={v('extensionRequested', 'workdays', '20')}
          errors={errs('extensionRequested')}
          width="short"
        />
        <TextArea
          name={actionField('extensionRequested', 'reason')}
          label="延长的理由"
          value={v('extensionRequested', 'reason')}
          errors={errs('extensionRequested')}
          rows={3}
        />
      </Action>
    ),
    extensionApproved: () => null,
    reasonablePeriodNotified: () => (
      <Action
        type="reasonablePeriodNotified"
        intro={
          <p class="hint">
            第三十五条：申请人申请公开政府信息的数量、频次明显超过合理范围的，可以要求申请人说明理由；理由合理但无法在规定期限内答复的，可以确定延迟答复的合理期限并告知申请人。
          </p>
        }
      >
        <On type="reasonablePeriodNotified" label="告知日期" />
        <Input
          name={actionField('reasonablePeriodNotified', 'replyBy')}
          type="date"
          label={L.replyBy!}
          value={v('reasonablePeriodNotified', 'replyBy')}
          errors={errs('reasonablePeriodNotified')}
          width="short"
        />
        <Note type="reasonablePeriodNotified" label="理由" hint="申请的数量、频次等事实，告知书将载明" />
      </Action>
    ),
    feeNotified: () => <FeeAction />,
    feeNoticeReceived: () => (
      <Action type="feeNoticeReceived" intro={<p class="hint">缴费期限自申请人收到收费通知之日起计算。</p>}>
        <On type="feeNoticeReceived" label="申请人收到的日期" />
      </Action>
    ),
    feePaid: () => (
      <Action type="feePaid">
        <On type="feePaid" label="缴费日期" />
      </Action>
    ),
    withdrawn: () => (
      <Action
        type="withdrawn"
        intro={<p class="hint">申请人撤回申请的，本案办结，计入年报表三「（六）其他处理」。</p>}
      >
        <On type="withdrawn" label="撤回日期" />
        <Note type="withdrawn" label="撤回的方式（可不填）" hint="例如：申请人来电、书面撤回" />
      </Action>
    ),
    transferred: () => (
      <Action
        type="transferred"
        intro={
          <p class="hint">
            第十条、第三十六条第（五）项：本机关不是该信息的制作或保存机关的，告知申请人有权机关的名称、联系方式。
          </p>
        }
      >
        <On type="transferred" label="转交（告知）日期" />
        <Input
          name={actionField('transferred', 'to')}
          label={L.to!}
          value={v('transferred', 'to')}
          errors={errs('transferred')}
          width="medium"
        />
        <TextArea
          name={actionField('transferred', 'reason')}
          label="转交理由"
          value={v('transferred', 'reason')}
          errors={errs('transferred')}
          rows={3}
        />
        <Note
          type="transferred"
          label="有权机关的联系方式"
          hint="电话、地址等，告知申请人向该机关提出申请"
          rows={2}
        />
      </Action>
    ),
    decisionServed: () => <DecisionAction />,
  };

  const FeeAction: FC = () => {
    const f = p.fee;
    const fv = f?.values ?? { feeMethod: 'item', feeUnits: '', feeEarlier: String(p.feeEarlierDefault) };
    const schedule = p.feeSchedule ?? DEFAULT_FEE_SCHEDULE;
    const computed = f?.result ? String(f.result.amount) : '';
    return (
      <details
        id="act-feeNotified"
        class="case-action"
        open={posted?.action === 'feeNotified' || !!f || undefined}
      >
        <summary>{ACTION_LABELS.feeNotified}</summary>
        <p class="hint">
          {`信息处理费按《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）计收：按件计收的，${freeText(schedule.item, '同一申请人一个自然月内累计')}；按量计收的，${freeText(schedule.page, '')}。先计算，再发出收费通知。`}
        </p>
        <form method="get" action={`/admin/applications/${id}#act-feeNotified`} novalidate class="filters">
          <Select
            name="feeMethod"
            label="计收方式"
            value={fv.feeMethod}
            options={[
              { value: 'item', label: '按件计收' },
              { value: 'page', label: '按量计收（页）' },
            ]}
            errors={f?.errors}
          />
          <Input
            name="feeUnits"
            label="本申请的件数或页数"
            type="number"
            value={fv.feeUnits}
            errors={f?.errors}
            width="short"
          />
          <Input
            name="feeEarlier"
            label="此前已计数量"
            hint="按件：同一申请人本月此前已计件数"
            type="number"
            value={fv.feeEarlier}
            errors={f?.errors}
            width="short"
          />
          <button type="submit" class="button button-secondary">
            计算费用
          </button>
        </form>
        {f?.result ? (
          <div class="notice" role="status" id="fee-result">
            <h3 class="notice-title">计算结果：{f.result.amount}元</h3>
            <ul>
              {f.result.explanation.map((line) => (
                <li>{line}</li>
              ))}
            </ul>
          </div>
        ) : null}
        <PostForm action={`/admin/applications/${id}/events`} csrf={p.csrf}>
          <input type="hidden" name="type" value="feeNotified" />
          <input type="hidden" name="version" value={String(p.detail.version)} />
          <On type="feeNotified" label="通知日期" />
          <Input
            name={actionField('feeNotified', 'amount')}
            type="number"
            label={L.amount!}
            value={v('feeNotified', 'amount', computed)}
            errors={errs('feeNotified')}
            width="short"
          />
          <TextArea
            name={actionField('feeNotified', 'note')}
            label="计费说明"
            hint="收费通知将载明计费方式和计算过程"
            value={v('feeNotified', 'note', f?.result ? f.result.explanation.join('\n') : '')}
            errors={errs('feeNotified')}
            rows={4}
          />
          <Button>记录：{ACTION_LABELS.feeNotified}</Button>
        </PostForm>
      </details>
    );
  };

  const DecisionAction: FC = () => {
    const chosen =
      (posted?.action === 'decisionServed'
        ? (posted.values[actionField('decisionServed', 'outcome')] as Outcome | undefined)
        : undefined) ?? p.decisionOutcome;
    const rule = chosen && chosen in OUTCOME_RULES ? OUTCOME_RULES[chosen] : undefined;
    const e = errs('decisionServed');
    const outcomeName = actionField('decisionServed', 'outcome');
    return (
      <details
        id="act-decisionServed"
        class="case-action"
        open={posted?.action === 'decisionServed' || !!p.decisionOutcome || undefined}
      >
        <summary>{ACTION_LABELS.decisionServed}</summary>
        <p class="hint">
          答复的办理结果即年报表三的一行。先选择办理结果，再填写依据和理由：不予公开、部分公开、无法提供和不予处理的，应当说明理由并引用条款。
        </p>
        <form method="get" action={`/admin/applications/${id}#act-decisionServed`} novalidate>
          <Field name="outcome" label="办理结果">
            <select id={fieldId('outcome')} name="outcome" class="select">
              {outcomeGroups().map((g) => (
                <optgroup label={g.label}>
                  {g.outcomes.map((o) => (
                    <option value={o} selected={o === chosen}>
                      {OUTCOME_RULES[o].label}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          </Field>
          <button type="submit" class="button button-secondary">
            {rule ? '更改办理结果' : '下一步'}
          </button>
        </form>
        {rule && chosen ? (
          <PostForm action={`/admin/applications/${id}/events`} csrf={p.csrf}>
            <input type="hidden" name="type" value="decisionServed" />
            <input type="hidden" name="version" value={String(p.detail.version)} />
            <input type="hidden" name={outcomeName} value={chosen} />
            <p>
              办理结果：<strong>{rule.label}</strong>（{rule.basis}）
            </p>
            {e?.[outcomeName] ? (
              <p class="error-message" id={fieldId(outcomeName)}>
                {e[outcomeName]}
              </p>
            ) : null}
            <On type="decisionServed" label="答复日期" />
            {rule.grounds.length > 0 ? (
              <Select
                name={actionField('decisionServed', 'ground')}
                label={rule.groundRequired ? '依据（条款）' : '依据（条款，可不选）'}
                value={v('decisionServed', 'ground', rule.grounds.length === 1 ? rule.grounds[0] : '')}
                includeBlank={
                  !rule.groundRequired ? '不引用条款' : rule.grounds.length > 1 ? '请选择' : undefined
                }
                options={rule.grounds.map((g) => ({ value: g, label: g }))}
                errors={e}
              />
            ) : null}
            <TextArea
              name={actionField('decisionServed', 'reasons')}
              label={rule.group === 'granted' ? '理由（可不填）' : '理由'}
              hint={rule.group === 'granted' ? undefined : '说明不予公开或不予处理的理由，告知书中将载明'}
              value={v('decisionServed', 'reasons')}
              errors={e}
              rows={4}
            />
            {rule.group === 'granted' || rule.group === 'partial' ? (
              <TextArea
                name={actionField('decisionServed', 'disclosed')}
                label={L.disclosed!}
                hint="公开的文件名称、页数，提供方式或获取的途径和时间"
                value={v('decisionServed', 'disclosed')}
                errors={e}
                rows={3}
              />
            ) : null}
            <Button>作出答复</Button>
          </PostForm>
        ) : null}
      </details>
    );
  };

  return (
    <section aria-labelledby="actions-title">
      <h2 id="actions-title">办理</h2>
      {shown.map((a) => forms[a]())}
    </section>
  );
};
