// Small marks of the letter pages: the warning level (预警 / 黄牌 / 红牌) and the veto risk (三个月未
// 答复) as words in a tag, so that colour is never the only sign; shared by the inbox, the case page
// and the dashboard panel.
import type { FC } from 'hono/jsx';
import type { VetoRisk, WarningLevel } from '../../domain/letters/kinds.js';
import { WARNING_LEVEL_LABELS } from '../models/letter-labels.js';

export const WarningBadge: FC<{ level: WarningLevel | null | undefined }> = ({ level }) =>
  level ? (
    <span class={`tag letter-warning letter-warning-${level}`}>{WARNING_LEVEL_LABELS[level]}</span>
  ) : null;

/** 「超过三个月未答复」/「临近三个月未答复」 */
export const VetoBadge: FC<{ risk: VetoRisk }> = ({ risk }) =>
  risk === 'past' ? (
    <span class="tag tag-red">超过三个月未答复</span>
  ) : risk === 'near' ? (
    <span class="tag tag-amber">临近三个月未答复</span>
  ) : null;

export const SupervisedBadge: FC<{ supervised: boolean }> = ({ supervised }) =>
  supervised ? <span class="tag letter-supervised">督办</span> : null;
