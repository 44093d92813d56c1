// 年报体检: anyone can paste a published annual report (text or HTML source) or upload its file, and
// get the rebuilt tables back with every wrong cell explained. This is the form page; the result
// is portal-report-check-result.tsx.
import type { FC } from 'hono/jsx';
import {
  Button,
  ErrorSummary,
  Field,
  fieldId,
  PostForm,
  TextArea,
  type FieldErrors,
} from '../components/forms.js';
import type { Lang } from '../i18n.js';
import { PortalLayout, type ShellProps } from '../layout.js';

export const REPORT_CHECK_PATH = '/report-check';

export const RC = {
  title: { zh: '年报体检', en: 'Annual report check' },
  lead: {
    zh: '粘贴一份已发布的政府信息公开工作年度报告，或上传其文件，系统将重建报告中的表二、表三、表四，按国家规定的格式和勾稽关系逐项核对，并用中文说明每一个有问题的单元格。',
    en: 'Paste a published annual disclosure report, or upload its file: tables 二, 三 and 四 are rebuilt, checked against the national format and its consistency rules, and every wrong cell is explained.',
  },
  how: {
    zh: '核对依据国务院办公厅政府信息与政务公开办公室规定的年度报告格式（2019 年试行格式和 2021 年格式，系统按表头自动识别）。读取过程是确定的规则计算，不使用人工智能模型；同一份报告每次得到相同的结果。',
    en: 'The check follows the national report formats (2019 trial and 2021, recognised from the headers). Reading is deterministic: no language model; the same report always gives the same result.',
  },
  privacy: { zh: '本页面不保存您提交的内容。', en: 'This page does not store what you submit.' },
  text: { zh: '粘贴报告内容', en: 'Paste the report' },
  textHint: {
    zh: '从网页上复制的报告全文，或网页的 HTML 源代码（在浏览器中“查看网页源代码”后全选复制）',
    en: 'The full text copied from the web page, or the page’s HTML source',
  },
  file: { zh: '或上传报告文件', en: 'Or upload the report file' },
  fileHint: {
    zh: '支持 .txt、.html、.htm、.docx、.pdf，每个文件不超过 10 MB。选择了文件时，以文件为准。可一次选择同一机关多个年度的报告（最多 5 个）：相邻年度按年度系列互相核对，并用相邻年度的数字确定单份报告无法确定的单元格。',
    en: '.txt, .html, .htm, .docx or .pdf, at most 10 MB each. A chosen file takes precedence over pasted text. Choose the reports of several years of one agency (up to 5) to check consecutive years against each other: their figures settle cells one report alone leaves open.',
  },
  series: {
    zh: '把选择的全部文件当作同一机关连续年度的报告核对（默认按报告标题中的机关分组）',
    en: 'Check all chosen files as one agency’s series of years (by default they are grouped by the agency in their titles)',
  },
  check: { zh: '开始体检', en: 'Check the report' },
  json: { zh: '下载 JSON 结果', en: 'Download the result as JSON' },
  jsonHint: {
    zh: 'JSON 结果与命令行 gongkai report check --json 的输出相同，也可通过接口 POST /api/v1/report-check 获取（见',
    en: 'The JSON is the same as gongkai report check --json and the API POST /api/v1/report-check (see',
  },
  apiDocs: { zh: '接口文档', en: 'the API reference' },
};

export interface ReportCheckFormProps {
  lang: Lang;
  csrf: string;
  text?: string;
  errors?: FieldErrors;
}

/** The form, on the start page and again under a result (with the pasted text kept). */
export const ReportCheckForm: FC<ReportCheckFormProps> = ({ lang: l, csrf, text, errors }) => {
  const fileId = fieldId('file');
  const described = [`${fileId}-hint`, errors?.file ? `${fileId}-error` : ''].filter(Boolean).join(' ');
  return (
    <PostForm action={REPORT_CHECK_PATH} csrf={csrf} enctype="multipart/form-data" class="report-check-form">
      <TextArea
        name="text"
        label={RC.text[l]}
        hint={RC.textHint[l]}
        value={text ?? ''}
        errors={errors}
        rows={12}
      />
      <Field name="file" label={RC.file[l]} hint={RC.fileHint[l]} errors={errors}>
        <input
          id={fileId}
          name="file"
          type="file"
          class="file-input"
          accept=".txt,.html,.htm,.docx,.pdf"
          multiple
          aria-describedby={described}
          aria-invalid={errors?.file ? 'true' : undefined}
        />
      </Field>
      <div class="radio">
        <input id={fieldId('series')} name="series" type="checkbox" value="on" />
        <label for={fieldId('series')}>{RC.series[l]}</label>
      </div>
      <div class="button-group">
        <Button name="action" value="check">
          {RC.check[l]}
        </Button>
        <Button name="action" value="json" variant="secondary">
          {RC.json[l]}
        </Button>
      </div>
      <p class="hint">
        {RC.jsonHint[l]}
        <a href="/api/docs#op-checkReport">{RC.apiDocs[l]}</a>
        {l === 'zh' ? '）。' : ').'}
      </p>
    </PostForm>
  );
};

export interface ReportCheckPageView {
  shell: Omit<ShellProps, 'title'>;
  csrf: string;
  text?: string;
  errors?: FieldErrors;
}

export const ReportCheckPage: FC<ReportCheckPageView> = ({ shell, csrf, text, errors }) => {
  const l = shell.lang;
  return (
    <PortalLayout {...shell} title={RC.title[l]} hasErrors={Boolean(errors && Object.keys(errors).length)}>
      <ErrorSummary lang={l} errors={errors} />
      <h1>{RC.title[l]}</h1>
      <p class="lead">{RC.lead[l]}</p>
      <p>{RC.how[l]}</p>
      <p class="notice">{RC.privacy[l]}</p>
      <ReportCheckForm lang={l} csrf={csrf} text={text} errors={errors} />
    </PortalLayout>
  );
};
