// What the back-office pages of the 答问知识库 share: the labels of an item's states and fields, its
// state tag, and the flags of an item needing attention.
import type { FC } from 'hono/jsx';
import type { QaFlags, QaState } from '../../domain/qa/qa.js';

export const QA_STATE_LABELS: Record<QaState, string> = {
  draft: '草稿',
  published: '已发布',
  withdrawn: '已撤回',
};

export const QA_FIELD_LABELS = {
  question: '问题',
  altQuestions: '其他问法',
  answer: '答复内容',
  category: '分类',
  agencyId: '发布机构',
  reviewBy: '复核日期',
  documents: '关联文件和政策解读',
  state: '状态',
  helpful: '有用 / 没用',
  reuseCount: '信件引用次数',
  updatedAt: '更新时间',
  publishedAt: '发布时间',
} as const;

export const QaStateTag: FC<{ state: QaState }> = ({ state }) => (
  <span
    class={`tag ${state === 'published' ? 'tag-green' : state === 'withdrawn' ? 'tag-grey' : 'tag-amber'}`}
  >
    {QA_STATE_LABELS[state]}
  </span>
);

export const QaFlagTags: FC<{ flags: QaFlags }> = ({ flags }) => (
  <>
    {flags.reviewOverdue ? <span class="tag tag-red">已过复核日期</span> : null}
    {flags.documentNotEffective ? <span class="tag tag-red">依据文件已失效</span> : null}
  </>
);
