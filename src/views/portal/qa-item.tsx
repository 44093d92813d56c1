// One published answer (/qa/:id): the question and the other ways it is asked, the answer, the
// documents and 政策解读 it rests on (links to their pages), and 「这条答复对您有帮助吗？」 — a form
// with 有用 / 没用 and an optional comment that works without JavaScript; after a vote the page
// thanks the reader instead of asking again.
import type { FC } from 'hono/jsx';
import type { PublicQaItem } from '../../queries/qa-search.js';
import { Breadcrumbs } from '../components/breadcrumbs.js';
import { ErrorSummary, type FieldErrors } from '../components/forms.js';
import { formatDate } from '../i18n.js';
import { PortalLayout, type ShellProps } from '../layout.js';
import { qaListHref } from './qa.js';

export const FEEDBACK_COMMENT_MAX = 500;

export const PortalQaItemPage: FC<{
  shell: Omit<ShellProps, 'title'>;
  item: PublicQaItem;
  csrf: string;
  /** After a vote: the thanks, and which way. */
  thanked?: 'yes' | 'no';
  errors?: FieldErrors;
  comment?: string;
}> = ({ shell, item, csrf, thanked, errors, comment }) => (
  <PortalLayout {...shell} title={item.question} hasErrors={Boolean(errors)}>
    <Breadcrumbs
      lang="zh"
      items={[
        { label: '首页', href: '/' },
        { label: '政策问答', href: '/qa' },
        { label: item.category, href: qaListHref({ category: item.category }) },
        { label: '问答' },
      ]}
    />
    <ErrorSummary lang="zh" errors={errors} />
    <h1>{item.question}</h1>
    <p class="doc-meta">
      {item.category} · 答复单位：{item.agencyName}
      {item.publishedAt ? (
        <>
          {' · '}发布日期：<span class="nowrap">{formatDate('zh', item.publishedAt)}</span>
        </>
      ) : null}
    </p>
    {item.altQuestions.length > 0 ? (
      <section aria-labelledby="qa-alt-title" class="qa-alt">
        <h2 id="qa-alt-title">相近问题</h2>
        <ul>
          {item.altQuestions.map((q) => (
            <li>{q}</li>
          ))}
        </ul>
      </section>
    ) : null}
    <section aria-labelledby="qa-answer-title" class="qa-answer">
      <h2 id="qa-answer-title">答复</h2>
      {item.answer.split(/\n\s*\n/).map((para) => (
        <p>{para}</p>
      ))}
    </section>
    {item.documents.length > 0 ? (
      <section aria-labelledby="qa-docs-title">
        <h2 id="qa-docs-title">相关文件和政策解读</h2>
        <ul>
          {item.documents.map((d) => (
            <li>
              <a href={`/documents/${d.id}`}>{d.title}</a>
              {d.docNumber ? `（${d.docNumber}）` : ''}
              {d.kind === 'interpretation' ? <span class="tag tag-grey">政策解读</span> : null}
              {d.validity !== 'effective' && d.kind !== 'interpretation' ? (
                <span class="tag tag-red">已不再有效</span>
              ) : null}
            </li>
          ))}
        </ul>
      </section>
    ) : null}
    <section aria-labelledby="qa-feedback-title" class="qa-feedback" id="feedback">
      <h2 id="qa-feedback-title">这条答复对您有帮助吗？</h2>
      {thanked ? (
        <div class="notice notice-success" role="status">
          {thanked === 'yes'
            ? '感谢您的反馈！'
            : '感谢您的反馈！我们会根据您的意见改进这条答复。如需进一步咨询，可以通过政民互动栏目留言。'}
        </div>
      ) : (
        <form method="post" action={`/qa/${item.id}/feedback`} novalidate>
          <input type="hidden" name="_csrf" value={csrf} />
          <div class={errors?.comment ? 'field field-error' : 'field'}>
            <label for="f-comment">意见或建议（可不填）</label>
            <p class="hint" id="f-comment-hint">
              最多 {FEEDBACK_COMMENT_MAX}{' '}
              字。请勿填写姓名、电话等个人信息；需要答复的问题请通过政民互动栏目留言。
            </p>
            {errors?.comment ? (
              <p class="error-message" id="f-comment-error">
                <span class="visually-hidden">错误：</span>
                {errors.comment}
              </p>
            ) : null}
            <textarea
              id="f-comment"
              name="comment"
              rows={3}
              class="textarea"
              aria-describedby="f-comment-hint"
              aria-invalid={errors?.comment ? 'true' : undefined}
            >
              {comment ?? ''}
            </textarea>
          </div>
          <div class="button-group" id="f-helpful">
            <button type="submit" name="helpful" value="yes" class="button button-primary">
              有用
            </button>
            <button type="submit" name="helpful" value="no" class="button button-secondary">
              没用
            </button>
          </div>
        </form>
      )}
    </section>
  </PortalLayout>
);
