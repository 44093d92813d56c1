// What the applicant asks for (第二十九条第（三）项: 申请公开的政府信息的形式要求，包括获取信息的方式、途径).

export const FORMS = ['paper', 'electronic', 'inspection'] as const;
export type InfoForm = (typeof FORMS)[number];
export const FORM_LABELS: Record<InfoForm, string> = {
  paper: '纸质',
  electronic: '电子',
  inspection: '当场阅读、抄录',
};

export const DELIVERIES = ['post', 'pickup', 'email', 'online'] as const;
export type Delivery = (typeof DELIVERIES)[number];
export const DELIVERY_LABELS: Record<Delivery, string> = {
  post: '邮寄',
  pickup: '当面领取',
  email: '电子邮件',
  online: '网上获取（本平台）',
};
