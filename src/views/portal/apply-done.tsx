// 申请已提交: the tracking number and the query code in large type, shown once (only the code's hash
// is stored), the due date with the clock's explanation, and the way to the lookup. Reached by a
// one-time handoff after the submission (src/http/portal/applications.tsx): the code is never in an
// address, and reloading the page cannot submit the application twice.
import type { FC } from 'hono/jsx';
import { deadlineStatusText, dueDateNote, type Deadline } from '../../domain/calendar/index.js';
import type { IsoDate } from '../../domain/calendar/iso-date.js';
import { DeadlineExplanationTable } from '../components/deadline-explanation.js';
import { formatDate } from '../i18n.js';
import { PortalLayout, type ShellProps } from '../layout.js';
import { LOOKUP_PATH } from './apply-parts.js';

export interface ApplyDoneView {
  shell: Omit<ShellProps, 'title'>;
  trackingNumber: string;
  queryCode: string;
  agencyName: string;
  receivedOn: IsoDate;
  deadline: Deadline;
  today: IsoDate;
}

export const ApplyDonePage: FC<ApplyDoneView> = (p) => {
  const d = p.deadline;
  const note = dueDateNote(d);
  return (
    <PortalLayout {...p.shell} title="申请已提交">
      <div class="confirmation-panel">
        <h1>申请已提交</h1>
        <dl class="codes">
          <div>
            <dt>申请编号</dt>
            <dd class="big-code" id="tracking-number">
              {p.trackingNumber}
            </dd>
          </div>
          <div>
            <dt>查询码</dt>
            <dd class="big-code" id="query-code">
              {p.queryCode}
            </dd>
          </div>
        </dl>
      </div>
      <div class="notice notice-warning" role="note">
        <p>
          <strong>请记下或打印保存申请编号和查询码。</strong>
          凭这两项可以查询办理进度、下载告知书。查询码只在本页显示这一次，本平台不保存查询码本身，无法找回或重新显示。
        </p>
      </div>
      <h2>办理期限</h2>
      <dl class="summary-list">
        <div class="summary-row">
          <dt>受理机关</dt>
          <dd>{p.agencyName}</dd>
        </div>
        <div class="summary-row">
          <dt>收到申请之日</dt>
          <dd>
            <span class="nowrap">{formatDate('zh', p.receivedOn)}</span>
            <span class="hint">（网上提交之日即为收到申请之日，第三十一条）</span>
          </dd>
        </div>
        <div class="summary-row">
          <dt>答复期限</dt>
          <dd>
            <strong class="due-date">{d.dueDate ? formatDate('zh', d.dueDate) : '—'}</strong>
            {note ? <span class="hint">（{note}）</span> : null}
            <br />
            <span class="hint">
              自收到申请之日起 20 个工作日（第三十三条）；如需延长，机关将告知您，延长最长不超过 20 个工作日。
            </span>
          </dd>
        </div>
        <div class="summary-row">
          <dt>状态</dt>
          <dd>{deadlineStatusText(d, p.today)}</dd>
        </div>
      </dl>
      {d.explanation ? <DeadlineExplanationTable lang="zh" explanation={d.explanation} /> : null}
      <h2>接下来</h2>
      <p>
        机关办理过程中发出的告知书，将按您选择的方式送达，网上送达的可在申请查询页下载。办理中如需补正，请按补正告知书的要求办理。
      </p>
      <p>
        <a href={LOOKUP_PATH}>查询申请办理进度</a>
      </p>
      <p>
        <a href="/deadlines">期限如何计算</a>
      </p>
    </PortalLayout>
  );
};

/** The confirmation was shown already (or too long ago): the code is not shown again. */
export const ApplyDoneGonePage: FC<{ shell: Omit<ShellProps, 'title'> }> = ({ shell }) => (
  <PortalLayout {...shell} title="确认页面已关闭">
    <h1>确认页面已关闭</h1>
    <p>
      申请提交后的确认页面只显示一次，查询码不会再次显示。如果您已记下申请编号和查询码，可以查询办理进度。
    </p>
    <p>
      <a href={LOOKUP_PATH}>查询申请办理进度</a>
    </p>
    <p class="hint">
      遗失查询码的，请凭申请编号和身份证明联系受理机关的政府信息公开工作机构（联系方式见该机关的政府信息公开指南）。
    </p>
  </PortalLayout>
);
