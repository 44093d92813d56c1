// A title in book-title marks (书名号), nested the way Chinese typesetting nests them (GB/T 15834—2011
// 标点符号用法, 4.15: 书名号里边还要用书名号时，外面一层用双书名号，里边一层用单书名号): the title goes in
// 《》 and every pair already inside it goes one level in — 《》 becomes 〈〉, and an inner 〈〉 becomes
// 《》 again — so 《关于印发〈…〉的通知》 and never 《《…》》.
const INNER: Readonly<Record<string, string>> = { '《': '〈', '》': '〉', '〈': '《', '〉': '》' };

/** 关于印发《甲办法》的通知 → 《关于印发〈甲办法〉的通知》 */
export function bookTitle(title: string): string {
  return `《${title.replace(/[《》〈〉]/g, (m) => INNER[m]!)}》`;
}
