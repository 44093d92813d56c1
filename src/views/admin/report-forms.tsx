// The forms of a report's page: the texts (一's five parts, 五, 六) with the placeholders offered,
// the supervising office's review, publishing, and starting a correction. Each posts with the
// revision read (a stale page is a conflict, not a silent overwrite).
import type { FC } from 'hono/jsx';
import { TEXT_PARTS, type ReportTexts } from '../../domain/reports/annual/text.js';
import { Button, fieldId, PostForm, TextArea, type FieldErrors } from '../components/forms.js';

export interface FormBase {
  action: string;
  csrf: string;
  revision: number | null;
  errors?: FieldErrors;
}

const Revision: FC<{ revision: number | null }> = ({ revision }) =>
  revision === null ? null : <input type="hidden" name="revision" value={String(revision)} />;

export const TextsForm: FC<
  FormBase & {
    texts: ReportTexts;
    placeholders: { name: string; meaning: string }[];
    feesCollected: number | null;
  }
> = (p) => (
  <section aria-labelledby="texts-title">
    <h2 id="texts-title">正文</h2>
    <p class="hint" id={fieldId('texts')}>
      一、总体情况的五个部分，以及五、六两部分，由本机关撰写；二、三、四部分为表格，由系统统计。正文中的数字可使用占位符，例如“共收到政府信息公开申请
      {'{{本年新收申请}}'}件”，显示和发布时替换为表格中的数字，不会与表格不一致。每段一行。
    </p>
    {p.errors?.texts ? (
      <p class="error-message">
        <span class="visually-hidden">错误：</span>
        {p.errors.texts}
      </p>
    ) : null}
    <details>
      <summary>可用占位符</summary>
      <table class="report-table">
        <caption class="visually-hidden">可用占位符</caption>
        <thead>
          <tr>
            <th scope="col">占位符</th>
            <th scope="col">代表的数字</th>
          </tr>
        </thead>
        <tbody>
          {p.placeholders.map((x) => (
            <tr>
              <td class="nowrap">{`{{${x.name}}}`}</td>
              <td>{x.meaning}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="hint">
        表格中任一单元格也可引用，例如 {'{{table3.granted.total}}'}（表三“予以公开”行“总计”列）。
      </p>
    </details>
    <PostForm action={p.action} csrf={p.csrf}>
      <Revision revision={p.revision} />
      {TEXT_PARTS.map((part) => (
        <TextArea
          name={part.key}
          label={part.section === '一' ? `一、总体情况 ${part.heading}` : part.heading}
          hint={
            part.key === 'other'
              ? `请写明本年度收取信息处理费的情况。据收费通知，本年实际收取信息处理费${
                  p.feesCollected === null ? '（无法统计）' : ` ${p.feesCollected} 元`
                }，可用占位符 {{信息处理费}}。`
              : undefined
          }
          value={p.texts[part.key]}
          errors={p.errors}
          rows={part.section === '一' ? 5 : 4}
        />
      ))}
      <div class="button-group">
        <Button>保存正文</Button>
      </div>
    </PostForm>
  </section>
);

export const ReviewForm: FC<FormBase & { comment: string }> = (p) => (
  <section aria-labelledby="review-title">
    <h2 id="review-title">上级审核</h2>
    <PostForm action={p.action} csrf={p.csrf}>
      <Revision revision={p.revision} />
      <TextArea
        name="comment"
        label="审核意见"
        hint="退回修改时必须填写，说明需要修改的内容；审核通过时可不填。"
        value={p.comment}
        errors={p.errors}
        rows={3}
      />
      <div class="button-group">
        <Button name="decision" value="approve">
          审核通过
        </Button>
        <Button name="decision" value="return" variant="warning">
          退回修改
        </Button>
      </div>
    </PostForm>
  </section>
);

export const PublishForm: FC<FormBase> = (p) => (
  <section aria-labelledby="publish-title">
    <h2 id="publish-title">发布</h2>
    <p>
      发布后，报告按报送时冻结的表格和正文在门户网站“政府信息公开年报”栏目公开，以后的数据变化不再影响已发布的报告。
    </p>
    <PostForm action={p.action} csrf={p.csrf}>
      <Revision revision={p.revision} />
      <div class="button-group">
        <Button>发布到门户网站</Button>
      </div>
    </PostForm>
  </section>
);

export const CorrectForm: FC<FormBase & { note: string }> = (p) => (
  <section aria-labelledby="correct-title">
    <h2 id="correct-title">更正已发布的报告</h2>
    <p>已发布的报告不能修改。需要更正时，新建一个版本，重新报送审核后发布；门户网站同时保留此前的版本。</p>
    <PostForm action={p.action} csrf={p.csrf}>
      <TextArea
        name="note"
        label="更正说明"
        hint="例如：更正表三“予以公开”行的统计错误。将显示在更正后报告的标题下方。"
        value={p.note}
        errors={p.errors}
        rows={2}
      />
      <div class="button-group">
        <Button variant="secondary">开始更正</Button>
      </div>
    </PostForm>
  </section>
);
