// One published letter: its public version (title, content, reply), 受理日期, 答复日期 and 答复单位.
import type { FC } from 'hono/jsx';
import { PortalLayout, type ShellProps } from '../layout.js';
import { LETTERS_PATH } from './letter-parts.js';
import { LetterFacts, type PublishedLetterItem } from './letters.js';

export const LetterPage: FC<{ shell: Omit<ShellProps, 'title'>; letter: PublishedLetterItem }> = ({
  shell,
  letter: l,
}) => (
  <PortalLayout {...shell} title={l.title}>
    <p>
      <a href={LETTERS_PATH}>留言选登</a>
    </p>
    <h1>{l.title}</h1>
    <LetterFacts l={l} />
    <dl class="summary-list">
      <div class="summary-row">
        <dt>留言编号</dt>
        <dd>{l.trackingNumber}</dd>
      </div>
      {l.writerNameMasked ? (
        <div class="summary-row">
          <dt>来信人</dt>
          <dd>{l.writerNameMasked}</dd>
        </div>
      ) : null}
    </dl>
    <h2>留言内容</h2>
    <div class="doc-body pre-line">{l.content}</div>
    <h2>答复</h2>
    <div class="doc-body pre-line" id="reply-text">
      {l.reply}
    </div>
  </PortalLayout>
);
