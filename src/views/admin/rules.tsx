// 办理规则 (/admin/settings/rules): the rules the law leaves open, set for the installation by the
// system administrator — the UNVERIFIED counting rules of the clock, the table 三 row of a
// transferred application, the fee bands (src/domain/applications/rules.ts).
import type { FC } from 'hono/jsx';
import { OUTCOMES, outcomeRowLabel } from '../../domain/applications/outcomes.js';
import { CLOCK_RULE_FIELDS, type InstallationRules } from '../../domain/applications/rules.js';
import { STATUTE } from '../../domain/calendar/clock-rules.js';
import { Button, ErrorSummary, Input, PostForm, Select, type FieldErrors } from '../components/forms.js';
import { AdminLayout, type AdminShellProps } from '../layout.js';

/** Blank rows offered after a scale's bands, to add a band. */
const EXTRA_ROWS = 2;
const SCALES = [
  { key: 'item', title: '按件计收', unit: '件' },
  { key: 'page', title: '按量计收', unit: '页' },
] as const;

/** The form's fields (names as the error keys of parseInstallationRules) for the given rules. */
export function rulesFormValues(rules: InstallationRules): Record<string, string> {
  const v: Record<string, string> = { transferOutcome: rules.transferOutcome };
  for (const f of CLOCK_RULE_FIELDS) v[`clock.${f.key}`] = String(rules.clock[f.key]);
  for (const { key } of SCALES) {
    const scale = rules.fees[key];
    scale.bands.forEach((b, i) => {
      v[`fees.${key}.bands.${i}.upTo`] = b.upTo === null ? '' : String(b.upTo);
      v[`fees.${key}.bands.${i}.rate`] = String(b.rate);
    });
    v[`fees.${key}.beyond.every`] = scale.beyond ? String(scale.beyond.every) : '';
    v[`fees.${key}.beyond.increment`] = scale.beyond ? String(scale.beyond.increment) : '';
  }
  return v;
}

/** The posted flat fields as the nested input of parseInstallationRules. */
export function rulesFormInput(form: Record<string, string>): unknown {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(form)) {
    if (!/^(clock|transferOutcome|fees)(\.|$)/.test(name)) continue;
    const parts = name.split('.');
    let node = out as Record<string, unknown>;
    parts.forEach((p, i) => {
      if (i === parts.length - 1) node[p] = value;
      else {
        const isIndex = /^\d+$/.test(parts[i + 1]!);
        node[p] ??= isIndex ? [] : {};
        node = node[p] as Record<string, unknown>;
      }
    });
  }
  // Sparse arrays (a row index missing) become dense with blank rows.
  const fees = out.fees as Record<string, { bands?: unknown[] }> | undefined;
  for (const scale of Object.values(fees ?? {}))
    if (Array.isArray(scale.bands)) scale.bands = Array.from(scale.bands, (b) => b ?? {});
  return out;
}

const YES_NO = [
  { value: 'true', label: '是' },
  { value: 'false', label: '否' },
];

export const AdminRulesPage: FC<{
  shell: Omit<AdminShellProps, 'title'>;
  values: Record<string, string>;
  errors?: FieldErrors;
  done?: 'saved' | 'restored';
}> = (p) => {
  const v = p.values;
  const rows = (key: string) => {
    let n = 0;
    while (`fees.${key}.bands.${n}.rate` in v || `fees.${key}.bands.${n}.upTo` in v) n++;
    return n + EXTRA_ROWS;
  };
  return (
    <AdminLayout {...p.shell} title="办理规则">
      {p.done ? (
        <div class="notice notice-success" role="status">
          {p.done === 'saved' ? '办理规则已保存，立即用于期限计算和收费计算。' : '已恢复默认规则。'}
        </div>
      ) : null}
      <ErrorSummary lang="zh" errors={p.errors} />
      <p class="lead">
        法律未明确规定的几项办理规则，由本平台统一设置，所有机关的期限计算、统计和收费计算均按此处的设置执行。
        答复期限（{STATUTE.replyWorkdays}个工作日）、延长期限（不超过{STATUTE.maxExtensionWorkdays}
        个工作日）和征求意见期限（{STATUTE.consultationAnswerWorkdays}个工作日）由条例规定，不能修改。
        修改后，已登记的办理中申请的期限在下次每日更新时按新规则重新计算，打开申请时即按新规则显示。
      </p>
      <PostForm action="/admin/settings/rules" csrf={p.shell.csrf ?? ''}>
        <h2>期限的计算</h2>
        <p class="hint">以下各项在正式文件中没有找到明确规定，默认值为目前的一般理解，请按本地的做法确定。</p>
        {CLOCK_RULE_FIELDS.map((f) =>
          f.kind === 'boolean' ? (
            <Select
              name={`clock.${f.key}`}
              label={f.label}
              hint={`${f.hint}（未见正式文件明确规定。）`}
              options={YES_NO}
              value={v[`clock.${f.key}`]}
              errors={p.errors}
            />
          ) : (
            <Input
              name={`clock.${f.key}`}
              label={f.label}
              hint={`${f.hint}（未见正式文件明确规定。）`}
              value={v[`clock.${f.key}`]}
              errors={p.errors}
              width="short"
            />
          ),
        )}
        <h2>转送申请的统计</h2>
        <Select
          name="transferOutcome"
          label="本机关收到后转送有权机关办理的申请，计入年度报告表三的项目"
          hint="告知申请人有权机关的名称和联系方式（条例第三十六条第五项），实践中一般计入“本机关不掌握相关政府信息”。未见正式文件明确规定。"
          options={OUTCOMES.map((o) => ({ value: o, label: outcomeRowLabel(o) }))}
          value={v.transferOutcome}
          errors={p.errors}
        />
        <h2>信息处理费标准</h2>
        <p class="hint">
          依《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）。每档填写累计数量的上限和每单位的价格（元）；最后一档可以不填上限，表示以上全部按该价格。不用的行留空。
        </p>
        {SCALES.map((s) => (
          <fieldset class="fieldset">
            <legend>
              {s.title}（单位：{s.unit}）
            </legend>
            {Array.from({ length: rows(s.key) }, (_, i) => (
              <div class="field-row">
                <Input
                  name={`fees.${s.key}.bands.${i}.upTo`}
                  label={`第${i + 1}档：累计至第几${s.unit}`}
                  value={v[`fees.${s.key}.bands.${i}.upTo`]}
                  errors={p.errors}
                  width="short"
                />
                <Input
                  name={`fees.${s.key}.bands.${i}.rate`}
                  label={`第${i + 1}档：每${s.unit}价格（元）`}
                  value={v[`fees.${s.key}.bands.${i}.rate`]}
                  errors={p.errors}
                  width="short"
                />
              </div>
            ))}
            <div class="field-row">
              <Input
                name={`fees.${s.key}.beyond.every`}
                label={`最后一档之后，每多少${s.unit}加价一次`}
                hint="超额累进：最后一档有上限时适用，不累进的留空（最后一档的价格继续适用）。"
                value={v[`fees.${s.key}.beyond.every`]}
                errors={p.errors}
                width="short"
              />
              <Input
                name={`fees.${s.key}.beyond.increment`}
                label={`每次加价（元/${s.unit}）`}
                value={v[`fees.${s.key}.beyond.increment`]}
                errors={p.errors}
                width="short"
              />
            </div>
          </fieldset>
        ))}
        <Button>保存办理规则</Button>
      </PostForm>
      <h2>恢复默认规则</h2>
      <p>清除以上设置，恢复为本平台的默认规则。</p>
      <PostForm action="/admin/settings/rules/defaults" csrf={p.shell.csrf ?? ''}>
        <Button variant="warning">恢复默认规则</Button>
      </PostForm>
    </AdminLayout>
  );
};
