// The form of a library item (issue 10 item 1): what it is, who issued it, its numbers, themes,
// dates, how it is disclosed and under which 第二十条 category, the interpretation's form and link,
// and the body. The same form creates a draft, changes a draft, and changes a published item (then a
// 修改说明 is asked for: the revision keeps it). Error summary at the top; novalidate; CSRF.
import type { FC } from 'hono/jsx';
import {
  ARTICLE20_CATEGORIES,
  DISCLOSURE_METHODS,
  EFFECT_LEVELS,
  GENRES,
  INTERPRETATION_FORMS,
} from '../../domain/documents/vocab.js';
import { childThemes, topThemes } from '../../domain/documents/themes.js';
import { Breadcrumbs } from '../components/breadcrumbs.js';
import {
  Button,
  ErrorSummary,
  Field,
  fieldId,
  Input,
  PostForm,
  Select,
  TextArea,
  type FieldErrors,
} from '../components/forms.js';
import { AdminLayout, type AdminShellProps } from '../layout.js';
import {
  DISCLOSURE_METHOD_LABELS,
  DOCUMENT_FIELD_LABELS as F,
  EFFECT_LEVEL_LABELS,
  INTERPRETATION_FORM_LABELS,
} from '../models/document-labels.js';

export type Option = { value: string; label: string };
export type DocumentFormValues = Record<string, string | string[] | undefined>;

export interface DocumentFormView {
  shell: Omit<AdminShellProps, 'title'>;
  mode: 'new' | 'draft' | 'published';
  /** The item's id and title when editing. */
  document?: { id: number; title: string };
  values: DocumentFormValues;
  errors?: FieldErrors;
  /** Someone else saved the item first: the form shows the person's input, with this message. */
  conflict?: string;
  /** Agencies the actor may publish for. */
  agencyOptions: Option[];
  /** Every agency, for the joint issuers. */
  issuerOptions: Option[];
}

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? (v[0] ?? '') : (v ?? ''));
const many = (v: string | string[] | undefined) => (Array.isArray(v) ? v : v ? [v] : []);

/** 主题分类: one group per first-level theme (open when something in it is chosen). */
const ThemeChoices: FC<{ chosen: string[]; errors?: FieldErrors }> = ({ chosen, errors }) => {
  const id = fieldId('themes');
  const error = errors?.themes;
  return (
    <fieldset
      class={error ? 'fieldset field field-error' : 'fieldset field'}
      id={id}
      aria-describedby={`${id}-hint`}
    >
      <legend>{F.themes.zh}</legend>
      <p class="hint" id={`${id}-hint`}>
        可选多项（国务院政策文件库主题分类）。索引号模板含主题代码时，取第一项。
      </p>
      {error ? (
        <p class="error-message" id={`${id}-error`}>
          <span class="visually-hidden">错误：</span>
          {error}
        </p>
      ) : null}
      {topThemes().map((top) => {
        const children = childThemes(top.code);
        const open = [top, ...children].some((t) => chosen.includes(t.code));
        return (
          <details open={open}>
            <summary>{top.name}</summary>
            <div class="radios">
              {[top, ...children].map((t) => (
                <div class="radio">
                  <input
                    type="checkbox"
                    id={`${id}-${t.code}`}
                    name="themes"
                    value={t.code}
                    checked={chosen.includes(t.code)}
                  />
                  <label for={`${id}-${t.code}`}>{t.parent ? t.name : `${t.name}（总类）`}</label>
                </div>
              ))}
            </div>
          </details>
        );
      })}
    </fieldset>
  );
};

export const DocumentFormPage: FC<DocumentFormView> = (p) => {
  const v = p.values;
  const e = p.errors;
  const title = p.mode === 'new' ? '新建文件或解读' : p.mode === 'published' ? '修改已发布文件' : '编辑草稿';
  const action = p.document ? `/admin/documents/${p.document.id}/edit` : '/admin/documents/new';
  const chosenIssuers = many(v.issuerIds);
  return (
    <AdminLayout {...p.shell} title={title} hasErrors={!!e || !!p.conflict}>
      {p.conflict ? <ErrorSummary lang="zh" message={p.conflict} /> : <ErrorSummary lang="zh" errors={e} />}
      <Breadcrumbs
        lang="zh"
        items={[
          { label: '主动公开', href: '/admin/documents' },
          ...(p.document ? [{ label: p.document.title, href: `/admin/documents/${p.document.id}` }] : []),
          { label: title },
        ]}
      />
      <h1>{title}</h1>
      {p.mode === 'published' ? (
        <div class="notice notice-warning" role="status">
          该文件已发布。保存后门户网站立即显示修改后的内容，修改前的版本保留在修订记录中；索引号和发布日期不变。
        </div>
      ) : null}
      <PostForm action={action} csrf={p.shell.csrf ?? ''}>
        {p.document ? <input type="hidden" name="version" value={one(v.version)} /> : null}
        <Select
          name="kind"
          label={F.kind.zh}
          value={one(v.kind) || 'document'}
          options={[
            { value: 'document', label: '政府文件及其他主动公开信息' },
            { value: 'interpretation', label: '政策解读' },
          ]}
          errors={e}
        />
        <Input name="title" label={F.title.zh} value={one(v.title)} errors={e} required />
        <Select
          name="agencyId"
          label="发布机构（第一发文机关）"
          hint="文件在该机构的政府信息公开平台上发布，索引号按该机构编制。"
          value={one(v.agencyId)}
          options={p.agencyOptions}
          includeBlank="请选择"
          errors={e}
        />
        <Field
          name="issuerIds"
          label={F.issuers.zh}
          hint="联合发文时选择其他发文机关（可多选：按住 Ctrl 或 ⌘ 键点选）。"
          errors={e}
        >
          <select id={fieldId('issuerIds')} name="issuerIds" class="select" multiple size={6}>
            {p.issuerOptions.map((o) => (
              <option value={o.value} selected={chosenIssuers.includes(o.value)}>
                {o.label}
              </option>
            ))}
          </select>
        </Field>
        <Input
          name="docNumber"
          label={F.docNumber.zh}
          hint="按文件所载填写，如 江南府〔2026〕12号；方括号、圆括号等写法系统会识别。"
          value={one(v.docNumber)}
          errors={e}
          width="medium"
        />
        <Select
          name="genre"
          label={F.genre.zh}
          value={one(v.genre)}
          options={GENRES.map((g) => ({ value: g, label: g }))}
          includeBlank="请选择"
          errors={e}
        />
        <Select
          name="effectLevel"
          label={F.effectLevel.zh}
          value={one(v.effectLevel) || 'other'}
          options={EFFECT_LEVELS.map((x) => ({ value: x, label: EFFECT_LEVEL_LABELS[x].zh }))}
          errors={e}
        />
        <Input
          name="unifiedNumber"
          label={F.unifiedNumber.zh}
          hint="行政规范性文件的统一登记编号。"
          value={one(v.unifiedNumber)}
          errors={e}
          width="medium"
        />
        <ThemeChoices chosen={many(v.themes)} errors={e} />
        <Input
          name="writtenOn"
          label={F.writtenOn.zh}
          hint="格式：年-月-日，例如 2026-09-28"
          value={one(v.writtenOn)}
          errors={e}
          width="short"
        />
        <Input
          name="formedOn"
          label={F.formedOn.zh}
          hint="第二十六条：自信息形成或者变更之日起 20 个工作日内公开。不填则按成文日期计算。"
          value={one(v.formedOn)}
          errors={e}
          width="short"
        />
        <Input
          name="effectiveOn"
          label={F.effectiveOn.zh}
          value={one(v.effectiveOn)}
          errors={e}
          width="short"
        />
        <Input
          name="expiresOn"
          label={F.expiresOn.zh}
          hint="有效期的最后一天；长期有效的不填。"
          value={one(v.expiresOn)}
          errors={e}
          width="short"
        />
        <Select
          name="disclosureMethod"
          label={F.disclosureMethod.zh}
          hint="平台只发布主动公开的信息（条例第十九条、第二十条）；依申请公开、不予公开的信息只保留在本机关目录中，不能发布。"
          value={one(v.disclosureMethod) || 'proactive'}
          options={DISCLOSURE_METHODS.map((x) => ({ value: x, label: DISCLOSURE_METHOD_LABELS[x].zh }))}
          errors={e}
        />
        <Select
          name="category"
          label={F.category.zh}
          value={one(v.category)}
          options={ARTICLE20_CATEGORIES.map((c) => ({ value: c.key, label: `${c.article}：${c.label}` }))}
          includeBlank="不属于第二十条所列类别"
          errors={e}
        />
        <Select
          name="interpretationForm"
          label={`${F.interpretationForm.zh}（仅政策解读）`}
          value={one(v.interpretationForm)}
          options={INTERPRETATION_FORMS.map((x) => ({ value: x, label: INTERPRETATION_FORM_LABELS[x].zh }))}
          includeBlank="请选择"
          errors={e}
        />
        <Input
          name="mediaUrl"
          label={`${F.mediaUrl.zh}（仅政策解读）`}
          hint="访谈或视频的网址，以 http:// 或 https:// 开头。"
          value={one(v.mediaUrl)}
          errors={e}
        />
        <TextArea
          name="bodyHtml"
          label={F.body.zh}
          hint="可直接粘贴文字（每行一段），或粘贴网页格式：段落、标题、加粗、列表、表格和链接会保留，其他格式和脚本会被清除。图片请作为附件上传。"
          value={one(v.bodyHtml)}
          errors={e}
          rows={16}
        />
        {p.mode === 'published' ? (
          <TextArea
            name="note"
            label="修改说明"
            hint="说明改了什么、为什么改；记入修订记录。"
            value={one(v.note)}
            errors={e}
            rows={3}
          />
        ) : null}
        <div class="button-group">
          <Button>{p.mode === 'published' ? '保存修改' : '保存草稿'}</Button>
          <a href={p.document ? `/admin/documents/${p.document.id}` : '/admin/documents'}>取消</a>
        </div>
      </PostForm>
    </AdminLayout>
  );
};
