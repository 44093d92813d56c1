// A confirmation step for actions that are hard to undo (停用账号, 重置密码, 停用机构). It works without
// JavaScript: the action's button on the detail page is a link to this page, and the action's POST
// runs only with confirm=yes from this page's form (anything else is sent back here).
import type { FC } from 'hono/jsx';
import { Button, PostForm } from '../components/forms.js';
import { AdminLayout, type AdminShellProps } from '../layout.js';

export interface ConfirmView {
  shell: Omit<AdminShellProps, 'title'>;
  title: string;
  /** The question, naming the record: 确定要停用「张三（zhangsan）」的账号吗？ */
  question: string;
  /** What will happen, one sentence a line. */
  consequences: string[];
  /** Where the confirmed POST goes. */
  action: string;
  confirmLabel: string;
  cancelHref: string;
  /** Hidden fields the confirmed POST carries (e.g. the record's version for the optimistic lock). */
  hidden?: Record<string, string>;
}

export const ConfirmPage: FC<ConfirmView> = (p) => (
  <AdminLayout {...p.shell} title={p.title}>
    <h1>{p.title}</h1>
    <p class="lead">{p.question}</p>
    <ul class="consequences">
      {p.consequences.map((c) => (
        <li>{c}</li>
      ))}
    </ul>
    <div class="button-group">
      <PostForm action={p.action} csrf={p.shell.csrf ?? ''} class="inline-form">
        <input type="hidden" name="confirm" value="yes" />
        {Object.entries(p.hidden ?? {}).map(([name, value]) => (
          <input type="hidden" name={name} value={value} />
        ))}
        <Button variant="warning">{p.confirmLabel}</Button>
      </PostForm>
      <a class="button button-secondary" href={p.cancelHref}>
        取消
      </a>
    </div>
  </AdminLayout>
);
