// The rich-text body of a published document: what staff paste from a word processor, reduced to a
// small allow-list (paragraphs, headings 2–4, emphasis, lists, tables, links, line breaks) by
// sanitize-html (2.17.5: the last release that runs on Node 20). Everything else — scripts, styles,
// event handlers, images (a document's images are attachments), forms, frames — is dropped; links
// keep only http, https and mailto addresses. The plain text (for search and snippets) is read from
// the sanitised HTML, never from what was posted.
import sanitize from 'sanitize-html';

const BLOCKS = ['p', 'h2', 'h3', 'h4', 'ul', 'ol', 'li', 'blockquote'];
const TABLE = ['table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td'];
const INLINE = ['strong', 'em', 'b', 'i', 'u', 'sub', 'sup', 'a', 'br'];

const OPTIONS: sanitize.IOptions = {
  allowedTags: [...BLOCKS, ...TABLE, ...INLINE],
  allowedAttributes: {
    // rel is always ours: the transform below overwrites the author's.
    a: ['href', 'title', 'rel'],
    th: ['colspan', 'rowspan', 'scope'],
    td: ['colspan', 'rowspan'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: {},
  allowProtocolRelative: false,
  allowedStyles: {},
  // Text of a dropped tag stays (a <div> or <span> from a word processor), except these whose
  // content is not text a reader should see.
  disallowedTagsMode: 'discard',
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'template', 'iframe', 'object', 'title'],
  transformTags: {
    // The page's own title is its <h1>: a pasted h1 becomes the first level inside the body.
    h1: 'h2',
    h5: 'h4',
    h6: 'h4',
    // A link leaves the site without telling it where it came from, and cannot reach back.
    a: sanitize.simpleTransform('a', { rel: 'noopener noreferrer' }),
  },
  exclusiveFilter: (frame) => frame.tag === 'a' && !frame.attribs.href && !frame.text.trim(),
};

/** The HTML a document page may show: only the allow-listed tags, attributes and link schemes. */
export function sanitizeBodyHtml(html: string): string {
  return sanitize(html, OPTIONS).trim();
}

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
};

/**
 * The plain text of sanitised HTML: block ends become line breaks, table cells are separated by a
 * space, blank lines are dropped. Pass the output of sanitizeBodyHtml.
 */
export function htmlToPlainText(safeHtml: string): string {
  const marked = safeHtml
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|h2|h3|h4|li|tr|caption|blockquote|table|ul|ol)>/gi, '$&\n')
    .replace(/<\/(td|th)>/gi, '$& ');
  const text = sanitize(marked, { allowedTags: [], allowedAttributes: {} }).replace(
    /&(amp|lt|gt|quot|#39);/g,
    (m) => ENTITIES[m] ?? m,
  );
  return text
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}
