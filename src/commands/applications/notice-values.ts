// The values a notice's template is filled with, from the case and the step (notices.ts issues it).
import { DEFAULT_CLOCK_RULES, STATUTE } from '../../domain/calendar/clock-rules.js';
import { workdaysAfter } from '../../domain/calendar/workdays.js';
import { remediesParagraph, type NoticeKind, type TemplateValues } from '../../domain/notices/index.js';
import { InvalidInput } from '../../domain/errors.js';
import {
  DELIVERY_LABELS,
  FORM_LABELS,
  type Delivery,
  type InfoForm,
} from '../../domain/applications/request.js';
import type { NoticeContext } from './notices.js';

export function contactOf(phone: string | null, address: string | null): string | null {
  return [phone ? `电话 ${phone}` : '', address ? `地址 ${address}` : ''].filter(Boolean).join('，') || null;
}

const DESCRIPTION_MAX = 200;

/** 「本机关以电子形式，通过邮寄向您提供。」 from what the applicant asked for (第二十九条、第四十条). */
function defaultDelivery(form: string, delivery: string): string {
  const f = FORM_LABELS[form as InfoForm] ?? form;
  const d = DELIVERY_LABELS[delivery as Delivery] ?? delivery;
  return form === 'inspection'
    ? `请您携带本答复书和身份证明，于工作时间到本机关当场查阅、抄录。`
    : `本机关按照您申请的${f}形式，以${d}的方式向您提供。`;
}

export function valuesFor(
  kind: NoticeKind,
  c: NoticeContext,
  phone: string | null,
  address: string | null,
): TemplateValues {
  const app = c.loaded.app;
  const e = c.event;
  const description =
    app.description.length > DESCRIPTION_MAX
      ? `${app.description.slice(0, DESCRIPTION_MAX)}……`
      : app.description;
  const v: TemplateValues = {
    applicantName: app.name,
    receivedOn: app.receivedOn,
    description,
    trackingNumber: app.trackingNumber,
    agencyName: c.loaded.agencyName,
    agencyContact:
      [phone ? `电话 ${phone}` : '', address ? `地址 ${address}` : ''].filter(Boolean).join('，') || null,
  };
  const due = c.view.deadline.dueDate;
  switch (e.type) {
    case 'received':
      v.dueBy = due;
      break;
    case 'correctionRequested':
      v.corrections = c.note ?? '请补充所需政府信息的名称、文号或者便于本机关查找的其他特征性描述。';
      v.dueBy = e.dueBy;
      break;
    case 'extensionApproved': {
      const req = c.loaded.facts.findLast((x) => x.type === 'extensionRequested');
      v.workdays = e.workdays;
      v.dueBy = due;
      v.reasons = req?.type === 'extensionRequested' ? req.reason : c.note;
      break;
    }
    case 'consultationSent': {
      const cd = c.view.deadline.consultations.findLast((x) => x.party === e.party);
      v.thirdParty = e.party;
      v.otherAgency = e.party;
      v.workdays = STATUTE.consultationAnswerWorkdays;
      v.dueBy = cd?.answerDue ?? null;
      break;
    }
    case 'feeNotified':
      v.amount = e.amount;
      v.feeDetails =
        c.note ?? '按照《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）规定的标准计算。';
      v.paymentInfo = `请按本机关告知的方式缴纳${phone ? `（咨询电话：${phone}）` : ''}。`;
      // The payment window runs from the applicant's receipt of the notice; the date printed
      // assumes it is received the day it is issued (online or in person).
      v.dueBy = workdaysAfter(
        c.calendar,
        e.on,
        c.feePaymentWindowWorkdays ?? DEFAULT_CLOCK_RULES.feePaymentWindowWorkdays,
      );
      break;
    case 'reasonablePeriodNotified':
      v.dueBy = e.replyBy;
      if (!c.note)
        throw new InvalidInput({ note: '请在备注中说明延迟答复的理由，它将写入告知书（第三十五条）' });
      v.reasons = c.note;
      break;
    case 'transferred':
      v.otherAgency = e.to;
      // The competent agency's contact (第三十六条第（五）项): as the officer wrote it in the step's
      // note, else as this installation knows the agency of that name.
      v.otherAgencyContact = c.note ?? c.otherAgencyContact ?? '请向该机关查询';
      v.reasons = e.reason;
      v.remedies = remediesParagraph({ outcome: null, decidedOn: e.on });
      break;
    case 'decisionServed':
      // 予以公开 without a cited item: provided to the applicant (第三十六条第（二）项).
      v.ground = e.ground ?? (e.outcome === 'granted' ? '第三十六条第（二）项' : null);
      v.reasons = e.reasons;
      v.delivery = e.disclosed ?? defaultDelivery(app.form, app.delivery);
      v.remedies = remediesParagraph({ outcome: e.outcome, decidedOn: e.on });
      v.dueBy = due;
      break;
    default:
      break;
  }
  void kind;
  return v;
}
