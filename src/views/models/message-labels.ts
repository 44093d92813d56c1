// Labels of back-office messages (the outbox, issue 9.6): their status and what they are about.
import type { MessageStatus } from '../../queries/messages.js';

export const MESSAGE_STATUS_LABELS: Record<MessageStatus, string> = {
  pending: '待发送',
  sent: '已发送',
  failed: '发送失败',
  held: '未发送（未配置邮件服务器或无邮箱）',
};

/** What a message is about, by its topic; unknown topics show as 通知. */
export function messageTopicLabel(topic: string): string {
  if (topic === 'reminder.dueSoon') return '即将到期提醒';
  if (topic === 'reminder.overdue') return '逾期提醒';
  if (topic === 'application.received') return '申请受理回执';
  if (topic.startsWith('application.')) return '办理进展通知';
  return '通知';
}
