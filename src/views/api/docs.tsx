// The browsable API reference: every operation of the OpenAPI document, server-rendered (no
// JavaScript, so it works under our CSP, unlike swagger-ui's inline scripts).
import type { FC } from 'hono/jsx';
import type { Lang, Text } from '../i18n.js';
import { PortalLayout, type ShellProps } from '../layout.js';
import { Table } from '../components/table.js';

export interface ApiParamView {
  name: string;
  in: 'path' | 'query';
  required: boolean;
  type: string;
  description: string;
}

export interface ApiOperationView {
  id: string;
  method: string;
  path: string;
  tag: string;
  summary: string;
  description: string;
  auth: boolean;
  /** Name of the JSON request body schema, if any. */
  body: string | null;
  /** The multipart/form-data variant: one file. */
  upload: { field: string; description: string } | null;
  params: ApiParamView[];
  responses: { status: string; description: string; schema: string }[];
  curl: string;
}

export interface ApiSchemaView {
  name: string;
  description: string;
  fields: { name: string; type: string; required: boolean; description: string }[];
}

export interface ApiDocsView {
  shell: Omit<ShellProps, 'title'>;
  specUrl: string;
  operations: ApiOperationView[];
  schemas: ApiSchemaView[];
}

const T = {
  title: { zh: '接口文档', en: 'API reference' },
  intro: {
    zh: '政府信息公开平台为外部系统提供 REST 接口（/api/v1）。以下内容由接口的 OpenAPI 3.1 描述自动生成，与服务器实际校验的规则一致。',
    en: 'The platform offers a REST API (/api/v1) for other systems. This page is generated from its OpenAPI 3.1 description, the same rules the server enforces.',
  },
  spec: { zh: 'OpenAPI 3.1 描述（JSON）', en: 'OpenAPI 3.1 description (JSON)' },
  authTitle: { zh: '认证', en: 'Authentication' },
  auth: {
    zh: '除标为“公开接口”的操作外，每个请求都须带访问令牌：Authorization: Bearer gk_…。令牌由系统管理员用命令 gongkai token create --user 登录名 创建，只显示一次，可用 gongkai token revoke 撤销。令牌用户只能看到其所属机构及下级机构的数据；范围之外的记录返回 404。接口不接受登录会话 Cookie。',
    en: 'Except for operations marked public, every request needs a token: Authorization: Bearer gk_…. A system administrator creates one with gongkai token create --user LOGIN (shown once) and revokes it with gongkai token revoke. A token sees its user’s agency subtree only; anything outside answers 404. Session cookies are not accepted.',
  },
  pagingTitle: { zh: '分页与错误', en: 'Paging and errors' },
  paging: {
    zh: '列表每页最多 500 条（limit），按 id 或序号升序。把响应中的 next 作为 after 传入即可取下一页；next 为 null 表示没有更多。出错时返回 {"error":{"code","message","fieldErrors","requestId"}}，message 为中文说明。',
    en: 'Lists return at most 500 items a page (limit), in id or sequence order. Pass the response’s next as after for the next page; next is null at the end. Errors are {"error":{"code","message","fieldErrors","requestId"}}.',
  },
  operations: { zh: '接口列表', en: 'Operations' },
  params: { zh: '参数', en: 'Parameters' },
  noParams: { zh: '无参数。', en: 'No parameters.' },
  name: { zh: '名称', en: 'Name' },
  where: { zh: '位置', en: 'In' },
  type: { zh: '类型', en: 'Type' },
  required: { zh: '必填', en: 'Required' },
  yes: { zh: '是', en: 'yes' },
  no: { zh: '否', en: 'no' },
  desc: { zh: '说明', en: 'Description' },
  responses: { zh: '响应', en: 'Responses' },
  status: { zh: '状态码', en: 'Status' },
  body: { zh: '响应体', en: 'Body' },
  needsToken: { zh: '需要访问令牌（Bearer）', en: 'Needs a bearer token' },
  isPublic: {
    zh: '公开接口：无需访问令牌，任何人均可调用；按 IP 限制调用频率。',
    en: 'Public: no token needed; rate-limited per IP.',
  },
  requestBody: { zh: '请求体', en: 'Request body' },
  jsonBody: { zh: 'JSON（Content-Type: application/json）：', en: 'JSON (Content-Type: application/json): ' },
  uploadBody: {
    zh: '或上传文件（Content-Type: multipart/form-data），字段',
    en: 'Or a file upload (multipart/form-data), field',
  },
  example: { zh: '示例', en: 'Example' },
  schemas: { zh: '数据结构', en: 'Schemas' },
  field: { zh: '字段', en: 'Field' },
} satisfies Record<string, Text>;

const ParamTable: FC<{ lang: Lang; params: ApiParamView[] }> = ({ lang, params }) =>
  params.length === 0 ? (
    <p>{T.noParams[lang]}</p>
  ) : (
    <Table
      head={[T.name[lang], T.where[lang], T.type[lang], T.required[lang], T.desc[lang]]}
      rows={params.map((p) => [
        <code>{p.name}</code>,
        p.in,
        <code>{p.type}</code>,
        p.required ? T.yes[lang] : T.no[lang],
        p.description,
      ])}
    />
  );

const Operation: FC<{ lang: Lang; op: ApiOperationView }> = ({ lang, op }) => (
  <section class="api-op" aria-labelledby={`op-${op.id}`}>
    <h3 id={`op-${op.id}`}>
      <span class="tag">{op.method}</span> <code>{op.path}</code> {op.summary}
    </h3>
    <p>{op.description}</p>
    <p class="hint">{op.auth ? T.needsToken[lang] : T.isPublic[lang]}</p>
    {op.body || op.upload ? (
      <>
        <h4>{T.requestBody[lang]}</h4>
        <ul>
          {op.body ? (
            <li>
              {T.jsonBody[lang]}
              <a href={`#schema-${op.body}`}>{op.body}</a>
            </li>
          ) : null}
          {op.upload ? (
            <li>
              {T.uploadBody[lang]} <code>{op.upload.field}</code>：{op.upload.description}
            </li>
          ) : null}
        </ul>
      </>
    ) : null}
    <h4>{T.params[lang]}</h4>
    <ParamTable lang={lang} params={op.params} />
    <h4>{T.responses[lang]}</h4>
    <div class="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">{T.status[lang]}</th>
            <th scope="col">{T.desc[lang]}</th>
            <th scope="col">{T.body[lang]}</th>
          </tr>
        </thead>
        <tbody>
          {op.responses.map((r) => (
            <tr>
              <td>{r.status}</td>
              <td>{r.description}</td>
              <td>
                <a href={`#schema-${r.schema}`}>{r.schema}</a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
    <h4>{T.example[lang]}</h4>
    <pre>
      <code>{op.curl}</code>
    </pre>
  </section>
);

const Schema: FC<{ lang: Lang; s: ApiSchemaView }> = ({ lang, s }) => (
  <section aria-labelledby={`schema-${s.name}`}>
    <h3 id={`schema-${s.name}`}>
      <code>{s.name}</code>
    </h3>
    {s.description ? <p>{s.description}</p> : null}
    {s.fields.length ? (
      <Table
        head={[T.field[lang], T.type[lang], T.required[lang], T.desc[lang]]}
        rows={s.fields.map((f) => [
          <code>{f.name}</code>,
          <code>{f.type}</code>,
          f.required ? T.yes[lang] : T.no[lang],
          f.description,
        ])}
      />
    ) : null}
  </section>
);

export const ApiDocsPage: FC<ApiDocsView> = ({ shell, specUrl, operations, schemas }) => {
  const lang = shell.lang;
  return (
    <PortalLayout {...shell} title={T.title[lang]}>
      <h1>{T.title[lang]}</h1>
      <p class="lead">{T.intro[lang]}</p>
      <p>
        <a href={specUrl}>{T.spec[lang]}</a>
      </p>
      <h2>{T.authTitle[lang]}</h2>
      <p>{T.auth[lang]}</p>
      <h2>{T.pagingTitle[lang]}</h2>
      <p>{T.paging[lang]}</p>
      <h2>{T.operations[lang]}</h2>
      <ul>
        {operations.map((op) => (
          <li>
            <a href={`#op-${op.id}`}>
              {op.method} {op.path}
            </a>{' '}
            — {op.summary}
          </li>
        ))}
      </ul>
      {operations.map((op) => (
        <Operation lang={lang} op={op} />
      ))}
      <h2>{T.schemas[lang]}</h2>
      {schemas.map((s) => (
        <Schema lang={lang} s={s} />
      ))}
    </PortalLayout>
  );
};
