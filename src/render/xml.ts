// The little XML the site writes by hand (Atom feeds, sitemaps): text and attribute values escaped,
// and the characters XML 1.0 forbids (C0 controls but tab/newline/return, lone surrogates, U+FFFE/
// U+FFFF) dropped, so a title pasted from a word processor cannot make a feed ill-formed.

const NOT_XML_CHAR =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** A value safe inside an element or a double- or single-quoted attribute. */
export function escapeXml(value: string): string {
  return value
    .replace(NOT_XML_CHAR, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** <name>text</name>, the text escaped. */
export function element(name: string, text: string, attrs: Record<string, string> = {}): string {
  return `<${name}${attributes(attrs)}>${escapeXml(text)}</${name}>`;
}

export function attributes(attrs: Record<string, string>): string {
  return Object.entries(attrs)
    .map(([k, v]) => ` ${k}="${escapeXml(v)}"`)
    .join('');
}
