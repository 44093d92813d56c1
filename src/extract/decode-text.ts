// Bytes of a text or HTML file → string. Government sites still serve GBK/GB18030 pages, so a
// file that is not valid UTF-8 is decoded as GB18030 (a superset of GBK and GB2312).

export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder(declaredCharset(bytes) ?? 'gb18030').decode(bytes);
  }
}

/** <meta charset="…"> of an HTML page, when it names an encoding the runtime knows. */
function declaredCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const name = /charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1]?.toLowerCase();
  if (!name || name === 'utf-8' || name === 'utf8') return null;
  try {
    new TextDecoder(name);
    return name;
  } catch {
    return null;
  }
}
