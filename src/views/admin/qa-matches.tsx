// 「相关问答」 beside a letter's reply form: the published answers of the 答问知识库 that match the letter
// (src/queries/qa-match.ts), each with its question, the beginning of its answer, the documents it
// rests on and a 「引用此答复」 link. The link is a plain GET back to the letter's page with
// ?useAnswer=<id> (works without JavaScript): the letter page pre-fills its reply with that answer.
import type { FC } from 'hono/jsx';
import type { QaMatch } from '../../queries/qa-match.js';

/** The query parameter the letter page reads to pre-fill its reply with an answer. */
export const USE_ANSWER_PARAM = 'useAnswer';

/** The letter page with the answer chosen, scrolled to the reply form (#reply). */
export function useAnswerHref(letterHref: string, qaId: number): string {
  const sep = letterHref.includes('?') ? '&' : '?';
  return `${letterHref}${sep}${USE_ANSWER_PARAM}=${qaId}#reply`;
}

export const QaMatches: FC<{
  matches: QaMatch[];
  /** The letter's page in the back office, e.g. /admin/letters/12. */
  letterHref: string;
  /** The answer already chosen (its 「引用此答复」 reads 「已引用」). */
  usedQaId?: number | null;
}> = ({ matches, letterHref, usedQaId }) => (
  <section class="qa-matches" aria-labelledby="qa-matches-title">
    <h2 id="qa-matches-title">相关问答</h2>
    {matches.length === 0 ? (
      <p class="hint">答问知识库中没有与这封信内容相近的答复。</p>
    ) : (
      <>
        <p class="hint">以下是答问知识库中与这封信内容相近的已发布答复，可引用后再按实际情况修改。</p>
        <ol class="qa-match-list">
          {matches.map((m) => (
            <li class="qa-match">
              <p class="qa-match-question">
                <a href={`/admin/qa/${m.id}`}>{m.question}</a> <span class="tag tag-grey">{m.category}</span>
              </p>
              <p class="qa-match-answer">{m.answerExcerpt}</p>
              {m.documents.length > 0 ? (
                <p class="qa-match-docs">
                  依据：
                  {m.documents.map((d, i) => (
                    <>
                      {i > 0 ? '；' : ''}
                      <a href={`/documents/${d.id}`}>{d.title}</a>
                      {d.docNumber ? `（${d.docNumber}）` : ''}
                    </>
                  ))}
                </p>
              ) : null}
              <p>
                {usedQaId === m.id ? (
                  <strong>已引用此答复</strong>
                ) : (
                  <a class="button button-secondary" href={useAnswerHref(letterHref, m.id)}>
                    引用此答复
                  </a>
                )}
              </p>
            </li>
          ))}
        </ol>
      </>
    )}
  </section>
);
