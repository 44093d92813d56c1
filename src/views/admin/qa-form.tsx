// Writing a Q&A item: the question, other ways of asking it (one per line), the answer, the category,
// the date by which it is checked again, and the documents it rests on (发文字号 or title, one per
// line). The same form creates and edits; errors follow the error-summary pattern.
import type { FC } from 'hono/jsx';
import { MAX_ALT_QUESTIONS, MAX_LINKED_DOCUMENTS } from '../../domain/qa/qa.js';
import { Breadcrumbs } from '../components/breadcrumbs.js';
import {
  Button,
  ErrorSummary,
  Input,
  PostForm,
  Select,
  TextArea,
  type FieldErrors,
} from '../components/forms.js';
import { AdminLayout, type AdminShellProps } from '../layout.js';
import { QA_FIELD_LABELS as F } from './qa-parts.js';

export type QaFormValues = Partial<
  Record<
    | 'id'
    | 'version'
    | 'agencyId'
    | 'question'
    | 'altQuestions'
    | 'answer'
    | 'category'
    | 'reviewBy'
    | 'documents',
    string
  >
>;

export const QaFormPage: FC<{
  shell: Omit<AdminShellProps, 'title'>;
  values: QaFormValues;
  agencyOptions: { value: string; label: string }[];
  categories: string[];
  errors?: FieldErrors;
  conflict?: string;
}> = (p) => {
  const editing = Boolean(p.values.id);
  const title = editing ? '修改问答' : '新建问答';
  const action = editing ? `/admin/qa/${p.values.id}/edit` : '/admin/qa/new';
  return (
    <AdminLayout {...p.shell} title={title} hasErrors={Boolean(p.errors)}>
      <Breadcrumbs
        lang="zh"
        items={[
          { label: '答问知识库', href: '/admin/qa' },
          ...(editing ? [{ label: p.values.question ?? '问答', href: `/admin/qa/${p.values.id}` }] : []),
          { label: title },
        ]}
      />
      <h1>{title}</h1>
      <ErrorSummary lang="zh" errors={p.errors} message={p.conflict} />
      <PostForm action={action} csrf={p.shell.csrf ?? ''}>
        {editing ? (
          <>
            <input type="hidden" name="id" value={p.values.id} />
            <input type="hidden" name="version" value={p.values.version} />
          </>
        ) : null}
        <Select
          name="agencyId"
          label={F.agencyId}
          value={p.values.agencyId}
          options={p.agencyOptions}
          errors={p.errors}
        />
        <Input name="question" label={F.question} value={p.values.question} errors={p.errors} />
        <TextArea
          name="altQuestions"
          label={F.altQuestions}
          hint={`同一问题的其他说法，每行一条，最多 ${MAX_ALT_QUESTIONS} 条。检索时与问题同等对待。`}
          value={p.values.altQuestions}
          errors={p.errors}
          rows={3}
        />
        <TextArea
          name="answer"
          label={F.answer}
          hint="段落之间空一行。"
          value={p.values.answer}
          errors={p.errors}
          rows={10}
        />
        <Select
          name="category"
          label={F.category}
          value={p.values.category ?? '其他'}
          options={p.categories.map((c) => ({ value: c, label: c }))}
          errors={p.errors}
        />
        <Input
          name="reviewBy"
          type="date"
          label={F.reviewBy}
          hint="政策调整后答复可能过时：到期后列表中会提示复核。可不填。"
          value={p.values.reviewBy}
          errors={p.errors}
          width="short"
        />
        <TextArea
          name="documents"
          label={F.documents}
          hint={`答复所依据的已发布文件或政策解读：每行一个发文字号（如 江府规〔2024〕3号）或文件标题，最多 ${MAX_LINKED_DOCUMENTS} 个。`}
          value={p.values.documents}
          errors={p.errors}
          rows={3}
        />
        <Button>保存</Button>
      </PostForm>
    </AdminLayout>
  );
};
