// 留言已提交: the tracking number and the query code in large type, shown once (only the code's hash
// is stored), with the due date when the clock already runs and the way to the lookup. Reached by a
// one-time handoff after the submission (Post/Redirect/Get, src/http/portal/letters.tsx).
import type { FC } from 'hono/jsx';
import { formatDate } from '../i18n.js';
import { PortalLayout, type ShellProps } from '../layout.js';
import { LETTER_LOOKUP_PATH } from './letter-parts.js';

export interface LetterDoneView {
  shell: Omit<ShellProps, 'title'>;
  trackingNumber: string;
  queryCode: string;
  mailboxName: string;
  receivedOn: string;
  dueDate: string | null;
}

export const LetterDonePage: FC<LetterDoneView> = (p) => (
  <PortalLayout {...p.shell} title="留言已提交">
    <div class="confirmation-panel">
      <h1>留言已提交</h1>
      <dl class="codes">
        <div>
          <dt>留言编号</dt>
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
        <strong>请记下留言编号和查询码。</strong>
        凭这两项可以查询办理进度、查看答复并评价。查询码只在本页显示这一次，本平台不保存查询码本身，无法找回或重新显示。
      </p>
    </div>
    <dl class="summary-list">
      <div class="summary-row">
        <dt>信箱</dt>
        <dd>{p.mailboxName}</dd>
      </div>
      <div class="summary-row">
        <dt>提交日期</dt>
        <dd class="nowrap">{formatDate('zh', p.receivedOn)}</dd>
      </div>
      <div class="summary-row">
        <dt>答复期限</dt>
        <dd>
          {p.dueDate ? (
            <strong class="due-date">{formatDate('zh', p.dueDate)}</strong>
          ) : (
            '受理后按留言类型的答复时限计算，可在查询页查看'
          )}
        </dd>
      </div>
    </dl>
    <p>
      <a href={LETTER_LOOKUP_PATH}>查询办理进度和答复</a>
    </p>
  </PortalLayout>
);

/** The confirmation was shown already (or too long ago): the code is not shown again. */
export const LetterDoneGonePage: FC<{ shell: Omit<ShellProps, 'title'> }> = ({ shell }) => (
  <PortalLayout {...shell} title="确认页面已关闭">
    <h1>确认页面已关闭</h1>
    <p>
      留言提交后的确认页面只显示一次，查询码不会再次显示。如果您已记下留言编号和查询码，可以查询办理进度。
    </p>
    <p>
      <a href={LETTER_LOOKUP_PATH}>查询办理进度和答复</a>
    </p>
  </PortalLayout>
);
