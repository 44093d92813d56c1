// The forms of 工作日历: add one entry, import many, mark a year official. Values come back exactly
// as typed after an error; import errors are listed line by line.
import type { FC } from 'hono/jsx';
import {
  Button,
  ErrorSummary,
  Field,
  Input,
  PostForm,
  Select,
  TextArea,
  fieldId,
  type FieldErrors,
} from '../components/forms.js';
import { AdminLayout, type AdminShellProps } from '../layout.js';

type Option = { value: string; label: string };
type Shell = Omit<AdminShellProps, 'title'>;

const T = {
  addTitle: { zh: '新增日历调整', en: 'Add a calendar entry' },
  importTitle: { zh: '批量导入日历调整', en: 'Import calendar entries' },
  officialTitle: { zh: '标记年度官方数据', en: 'Mark a year official' },
  date: { zh: '日期', en: 'Date' },
  dateHint: { zh: '格式：YYYY-MM-DD，例如 2026-10-01', en: 'YYYY-MM-DD, e.g. 2026-10-01' },
  workday: { zh: '上班或放假', en: 'Working day or day off' },
  rest: { zh: '放假（不计为工作日）', en: 'Day off (not a working day)' },
  work: { zh: '上班（计为工作日）', en: 'Working day' },
  name: { zh: '名称', en: 'Name' },
  nameHint: { zh: '例如：国庆节、台风停止办公', en: 'e.g. 国庆节, a typhoon closure' },
  source: { zh: '依据', en: 'Source' },
  sourceHint: {
    zh: '通知的标题和文号，例如《国务院办公厅关于2027年部分节假日安排的通知》或本机关的停止办公通知。',
    en: 'The notice title and number, e.g. the State Council notice or the agency’s closure notice.',
  },
  scope: { zh: '适用范围', en: 'Applies to' },
  scopeHint: {
    zh: '机关的调整适用于该机关及其下级机关；全国安排适用于所有机关。',
    en: 'An agency entry applies to the agency and its subtree; a national entry to every agency.',
  },
  national: { zh: '全国（国务院节假日安排）', en: 'National (State Council arrangement)' },
  choose: { zh: '请选择', en: 'Choose' },
  save: { zh: '保存', en: 'Save' },
  cancel: { zh: '返回工作日历', en: 'Back to the calendar' },
  replaceNote: {
    zh: '同一日期、同一适用范围已有记录的，保存后将替换原记录（审计日志保留原内容）。',
    en: 'An existing entry for the same date and scope is replaced (the audit log keeps the old one).',
  },
  file: { zh: '选择文件（JSON 或 CSV，UTF-8 编码）', en: 'File (JSON or CSV, UTF-8)' },
  text: { zh: '或粘贴内容', en: 'Or paste the content' },
  formatTitle: { zh: '格式', en: 'Format' },
  formatCsv: {
    zh: 'CSV：每行“日期,是否上班,名称”，是否上班填 true/false、1/0 或 上班/放假；可有标题行 date,workday,name。',
    en: 'CSV: one “date,workday,name” line per day; workday is true/false, 1/0 or 上班/放假; an optional header line.',
  },
  formatJson: {
    zh: 'JSON：数组，每项 {"date", "workday", "name"}。',
    en: 'JSON: an array of {"date", "workday", "name"}.',
  },
  allOrNothing: {
    zh: '任何一行有误时，不保存任何数据，并逐行列出错误。',
    en: 'If any line is wrong, nothing is saved and every wrong line is listed.',
  },
  import: { zh: '导入', en: 'Import' },
  lineErrors: { zh: '逐行错误', en: 'Errors by line' },
  year: { zh: '年份', en: 'Year' },
  officialSource: { zh: '国务院通知的标题和文号', en: 'Title and number of the State Council notice' },
  officialLead: {
    zh: '国务院办公厅发布新年度节假日安排后，如内置数据尚未更新：先用“新增调整”（适用范围选“全国”）或“批量导入”录入通知中的每个放假日和调休上班日，再在此标记该年已载入官方数据。',
    en: 'When a new State Council notice is out before the bundled data has it: enter its days (scope “national”), then mark the year official here.',
  },
  mark: { zh: '标记为官方数据', en: 'Mark official' },
};

export type EntryFormValues = Partial<Record<'date' | 'workday' | 'name' | 'source' | 'scope', string>>;

const Back: FC<{ lang: 'zh' | 'en' }> = ({ lang }) => <a href="/admin/calendar">{T.cancel[lang]}</a>;

const ScopeSelect: FC<{
  lang: 'zh' | 'en';
  options: Option[];
  national: boolean;
  value?: string;
  errors?: FieldErrors;
}> = (p) => (
  <Select
    name="scope"
    label={T.scope[p.lang]}
    hint={T.scopeHint[p.lang]}
    value={p.value}
    errors={p.errors}
    includeBlank={T.choose[p.lang]}
    options={[...(p.national ? [{ value: 'national', label: T.national[p.lang] }] : []), ...p.options]}
  />
);

export interface EntryFormView {
  shell: Shell;
  values: EntryFormValues;
  scopeOptions: Option[];
  national: boolean;
  errors?: FieldErrors;
}

export const CalendarEntryFormPage: FC<EntryFormView> = (p) => {
  const l = p.shell.lang;
  const v = p.values;
  return (
    <AdminLayout {...p.shell} title={T.addTitle[l]} hasErrors={!!p.errors}>
      <ErrorSummary lang={l} errors={p.errors} />
      <h1>{T.addTitle[l]}</h1>
      <PostForm action="/admin/calendar/days" csrf={p.shell.csrf ?? ''}>
        <Input
          name="date"
          label={T.date[l]}
          hint={T.dateHint[l]}
          value={v.date}
          errors={p.errors}
          width="short"
        />
        <Select
          name="workday"
          label={T.workday[l]}
          value={v.workday}
          errors={p.errors}
          includeBlank={T.choose[l]}
          options={[
            { value: 'rest', label: T.rest[l] },
            { value: 'work', label: T.work[l] },
          ]}
        />
        <Input
          name="name"
          label={T.name[l]}
          hint={T.nameHint[l]}
          value={v.name}
          errors={p.errors}
          width="medium"
        />
        <Input name="source" label={T.source[l]} hint={T.sourceHint[l]} value={v.source} errors={p.errors} />
        <ScopeSelect
          lang={l}
          options={p.scopeOptions}
          national={p.national}
          value={v.scope}
          errors={p.errors}
        />
        <p class="hint">{T.replaceNote[l]}</p>
        <div class="button-group">
          <Button>{T.save[l]}</Button>
          <Back lang={l} />
        </div>
      </PostForm>
    </AdminLayout>
  );
};

export interface ImportFormView {
  shell: Shell;
  values: Partial<Record<'scope' | 'source' | 'text', string>>;
  scopeOptions: Option[];
  national: boolean;
  errors?: FieldErrors;
}

/** InvalidInput keys 'line.N' are the per-line errors; the others belong to fields. */
function splitErrors(errors: FieldErrors | undefined): { fields?: FieldErrors; lines: string[] } {
  if (!errors) return { lines: [] };
  const fields: FieldErrors = {};
  const lines: string[] = [];
  for (const [k, msg] of Object.entries(errors)) {
    if (k.startsWith('line.')) lines.push(msg);
    else fields[k] = msg;
  }
  return { fields, lines };
}

export const CalendarImportPage: FC<ImportFormView> = (p) => {
  const l = p.shell.lang;
  const { fields, lines } = splitErrors(p.errors);
  return (
    <AdminLayout {...p.shell} title={T.importTitle[l]} hasErrors={!!p.errors}>
      <ErrorSummary lang={l} errors={fields} />
      <h1>{T.importTitle[l]}</h1>
      <h2>{T.formatTitle[l]}</h2>
      <ul>
        <li>{T.formatCsv[l]}</li>
        <li>{T.formatJson[l]}</li>
        <li>{T.allOrNothing[l]}</li>
      </ul>
      <pre class="code-sample">{'date,workday,name\n2026-12-01,放假,台风停止办公\n2026-12-05,上班,补班'}</pre>
      <PostForm action="/admin/calendar/import" csrf={p.shell.csrf ?? ''} enctype="multipart/form-data">
        <ScopeSelect
          lang={l}
          options={p.scopeOptions}
          national={p.national}
          value={p.values.scope}
          errors={fields}
        />
        <Input
          name="source"
          label={T.source[l]}
          hint={T.sourceHint[l]}
          value={p.values.source}
          errors={fields}
        />
        <Field name="file" label={T.file[l]}>
          <input
            id={fieldId('file')}
            name="file"
            type="file"
            accept=".csv,.json,.txt,text/csv,application/json,text/plain"
            class="input"
          />
        </Field>
        <TextArea name="text" label={T.text[l]} value={p.values.text} errors={fields} rows={8} />
        {lines.length > 0 ? (
          <div class="import-errors">
            <h2>{T.lineErrors[l]}</h2>
            <ul class="error-list">
              {lines.map((m) => (
                <li>{m}</li>
              ))}
            </ul>
          </div>
        ) : null}
        <div class="button-group">
          <Button>{T.import[l]}</Button>
          <Back lang={l} />
        </div>
      </PostForm>
    </AdminLayout>
  );
};

export const CalendarOfficialPage: FC<{
  shell: Shell;
  values: Partial<Record<'year' | 'source', string>>;
  errors?: FieldErrors;
}> = (p) => {
  const l = p.shell.lang;
  return (
    <AdminLayout {...p.shell} title={T.officialTitle[l]} hasErrors={!!p.errors}>
      <ErrorSummary lang={l} errors={p.errors} />
      <h1>{T.officialTitle[l]}</h1>
      <p class="lead">{T.officialLead[l]}</p>
      <PostForm action="/admin/calendar/official" csrf={p.shell.csrf ?? ''}>
        <Input name="year" label={T.year[l]} value={p.values.year} errors={p.errors} width="short" />
        <Input name="source" label={T.officialSource[l]} value={p.values.source} errors={p.errors} />
        <div class="button-group">
          <Button>{T.mark[l]}</Button>
          <Back lang={l} />
        </div>
      </PostForm>
    </AdminLayout>
  );
};
