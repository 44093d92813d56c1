// The notice at the top of a document's page when it is not simply in force: 「本文件已于2025年3月1日
// 被《…》废止。」 Built from the derived 有效性, its date and the relations pointing at the document
// (only published documents are named and linked; an unpublished one is not mentioned by name).
import type { DocumentRelationView } from '../../queries/document-page.js';
import { formatDate } from '../i18n.js';

export interface ValidityNotice {
  /** 'ended': 废止 or 失效 (a loud warning); 'partial': 部分失效; 'info': 尚未生效 or 已修改. */
  tone: 'ended' | 'partial' | 'info';
  /** Text before the linked title, the document named (if any), text after it. */
  before: string;
  by: { id: number; title: string } | null;
  after: string;
}

interface StatusInput {
  validity: string;
  validitySince: string | null;
  effectiveOn: string | null;
  expiresOn: string | null;
  incoming: DocumentRelationView[];
}

/** The relation of one of the kinds that took effect on `since` (else the latest of them). */
function cause(incoming: DocumentRelationView[], kinds: string[], since: string | null, partly?: boolean) {
  const ofKind = incoming.filter(
    (r) => kinds.includes(r.kind) && (partly === undefined || Boolean(r.note?.trim()) === partly),
  );
  return ofKind.find((r) => r.effectiveOn === since) ?? ofKind[ofKind.length - 1] ?? null;
}

const on = (date: string | null) => (date ? `已于${formatDate('zh', date)}` : '已');

/** The notice for a document's present 有效性, or null when it is in force and unamended. */
export function validityNotice(d: StatusInput): ValidityNotice | null {
  const since = d.validitySince;
  switch (d.validity) {
    case 'abolished': {
      const r = cause(d.incoming, ['abolishes', 'replaces'], since);
      if (!r) return { tone: 'ended', before: `本文件${on(since)}废止。`, by: null, after: '' };
      const verb = r.kind === 'replaces' ? '代替，现已废止。' : '废止。';
      return { tone: 'ended', before: `本文件${on(since)}被`, by: linkOf(r), after: verb };
    }
    case 'expired': {
      const r = cause(d.incoming, ['invalidates'], since, false);
      if (r) return { tone: 'ended', before: `本文件${on(since)}被`, by: linkOf(r), after: '宣布失效。' };
      if (d.expiresOn)
        return {
          tone: 'ended',
          before: `本文件有效期至${formatDate('zh', d.expiresOn)}，现已失效。`,
          by: null,
          after: '',
        };
      return { tone: 'ended', before: `本文件${on(since)}失效。`, by: null, after: '' };
    }
    case 'partly_invalid': {
      const r = cause(d.incoming, ['invalidates'], since, true);
      if (!r) return { tone: 'partial', before: `本文件部分条款${on(since)}失效。`, by: null, after: '' };
      return {
        tone: 'partial',
        before: `本文件部分条款${on(since)}被`,
        by: linkOf(r),
        after: `宣布失效：${r.note!.trim()}`,
      };
    }
    case 'amended': {
      const r = cause(d.incoming, ['amends'], since);
      if (!r) return { tone: 'info', before: `本文件${on(since)}修改。`, by: null, after: '' };
      return { tone: 'info', before: `本文件${on(since)}被`, by: linkOf(r), after: '修改。' };
    }
    case 'pending':
      return {
        tone: 'info',
        before: d.effectiveOn
          ? `本文件自${formatDate('zh', d.effectiveOn)}起施行，目前尚未生效。`
          : '本文件尚未生效。',
        by: null,
        after: '',
      };
    default:
      return null;
  }
}

function linkOf(r: DocumentRelationView): { id: number; title: string } {
  return { id: r.other.id, title: r.other.title };
}
