// A DOCX is a ZIP archive, and a 150 KB archive can unpack to gigabytes (issue 8: a 50 MB
// word/document.xml killed the server). Before mammoth sees the file, every part it may read is
// unpacked here under a budget: the central directory's declared sizes are checked first (cheap),
// then the bytes are counted while inflating (zlib's maxOutputLength stops the inflater at the
// limit), so a header that lies about the size does not get through. mammoth is then given a new
// archive of exactly the parts that were counted, stored uncompressed: it cannot read anything else.
import { crc32, inflateRawSync } from 'node:zlib';

export class ZipTooLarge extends Error {}
export class ZipCorrupt extends Error {}

/** Parts never read for the text (images, embedded objects, fonts): left out, not unpacked. */
const SKIPPED = /^word\/(media|embeddings|fonts)\//i;
const MAX_ENTRIES = 2000;

interface Entry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  declaredSize: number;
  localOffset: number;
}

function u16(b: Buffer, at: number): number {
  if (at + 2 > b.length) throw new ZipCorrupt('压缩包结构不完整');
  return b.readUInt16LE(at);
}
function u32(b: Buffer, at: number): number {
  if (at + 4 > b.length) throw new ZipCorrupt('压缩包结构不完整');
  return b.readUInt32LE(at);
}

function centralDirectory(b: Buffer): Entry[] {
  // End of central directory: 22 bytes plus a comment of at most 65535 bytes, at the very end.
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 0xffff); i--) {
    if (b[i] === 0x50 && b[i + 1] === 0x4b && b[i + 2] === 0x05 && b[i + 3] === 0x06) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipCorrupt('不是完整的 DOCX 文件（找不到压缩包目录）');
  const count = u16(b, eocd + 10);
  const offset = u32(b, eocd + 16);
  if (count === 0xffff || offset === 0xffffffff) throw new ZipCorrupt('不支持 ZIP64 格式的文件');
  if (count > MAX_ENTRIES) throw new ZipCorrupt(`压缩包内文件过多（超过 ${MAX_ENTRIES} 个）`);
  const entries: Entry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (u32(b, at) !== 0x02014b50) throw new ZipCorrupt('压缩包目录损坏');
    const nameLength = u16(b, at + 28);
    if (at + 46 + nameLength > b.length) throw new ZipCorrupt('压缩包目录损坏');
    entries.push({
      flags: u16(b, at + 8),
      method: u16(b, at + 10),
      compressedSize: u32(b, at + 20),
      declaredSize: u32(b, at + 24),
      name: b.toString('utf8', at + 46, at + 46 + nameLength),
      localOffset: u32(b, at + 42),
    });
    at += 46 + nameLength + u16(b, at + 30) + u16(b, at + 32);
  }
  return entries;
}

/**
 * The archive's readable parts, unpacked within `maxBytes` in total, as a new stored archive.
 * Throws ZipTooLarge over the budget (declared or actual), ZipCorrupt for a broken archive.
 */
export function guardedDocxArchive(bytes: Uint8Array, maxBytes: number): Uint8Array {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const entries = centralDirectory(b).filter((e) => !SKIPPED.test(e.name) && !e.name.endsWith('/'));
  const names = new Set<string>();
  let declared = 0;
  for (const e of entries) {
    if (names.has(e.name.toLowerCase())) throw new ZipCorrupt(`压缩包内有重复的文件名：${e.name}`);
    names.add(e.name.toLowerCase());
    declared += e.declaredSize;
  }
  // Cheap first check, before inflating anything: what the directory itself admits to.
  if (declared > maxBytes) throw new ZipTooLarge();
  const files: { name: string; data: Buffer }[] = [];
  let total = 0;
  for (const e of entries) {
    if (e.flags & 1) throw new ZipCorrupt('文件已加密，无法读取');
    if (u32(b, e.localOffset) !== 0x04034b50) throw new ZipCorrupt('压缩包内容损坏');
    const start = e.localOffset + 30 + u16(b, e.localOffset + 26) + u16(b, e.localOffset + 28);
    const raw = b.subarray(start, start + e.compressedSize);
    if (raw.length !== e.compressedSize) throw new ZipCorrupt('压缩包内容不完整');
    const remaining = maxBytes - total;
    let data: Buffer;
    if (e.method === 0) data = raw;
    else if (e.method === 8) {
      try {
        // The inflater stops once it has produced more than what is left of the budget.
        data = inflateRawSync(raw, { maxOutputLength: Math.max(1, remaining), chunkSize: 1 << 20 });
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw new ZipTooLarge();
        throw new ZipCorrupt('压缩包内容损坏');
      }
    } else throw new ZipCorrupt(`不支持的压缩方式（${e.method}）`);
    total += data.length;
    if (total > maxBytes) throw new ZipTooLarge();
    if (data.length !== e.declaredSize) throw new ZipCorrupt('压缩包内容与目录不一致');
    files.push({ name: e.name, data });
  }
  return storedZip(files);
}

/** Options of an archive handed to people (not only to our own readers). */
export interface StoredZipOptions {
  /**
   * The entries' modification time as wall-clock fields (ZIP stores local time without a zone),
   * e.g. '2026-11-30 10:00'; with it the central directory also names a Unix host and mode 644, so
   * that Info-ZIP's unzip reads the UTF-8 names as UTF-8 (with the MS-DOS host it converts them from
   * code page 437) and lists a real date instead of 1980-00-00.
   */
  modified?: string;
}

/** MS-DOS date and time of 'YYYY-MM-DD HH:MM[:SS]' (2-second resolution, years 1980–2107). */
function dosDateTime(wallClock: string): { date: number; time: number } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(wallClock);
  if (!m) return null;
  const [y, mo, d, h, mi, se] = m.slice(1).map((x) => Number(x ?? 0));
  const year = Math.min(Math.max(y!, 1980), 2107);
  return {
    date: ((year - 1980) << 9) | (mo! << 5) | d!,
    time: (h! << 11) | (mi! << 5) | Math.floor(se! / 2),
  };
}

/** A ZIP archive with every file stored (method 0). */
export function storedZip(
  files: readonly { name: string; data: Uint8Array }[],
  options: StoredZipOptions = {},
): Uint8Array {
  const stamp = options.modified ? dosDateTime(options.modified) : null;
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const f of files) {
    const name = Buffer.from(f.name, 'utf8');
    const data = Buffer.from(f.data.buffer, f.data.byteOffset, f.data.byteLength);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // names are UTF-8
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(0x0800, 8);
    dir.writeUInt32LE(crc, 16);
    dir.writeUInt32LE(data.length, 20);
    dir.writeUInt32LE(data.length, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    if (stamp) {
      local.writeUInt16LE(stamp.time, 10);
      local.writeUInt16LE(stamp.date, 12);
      dir.writeUInt16LE(0x0314, 4); // made by: Unix host, version 2.0
      dir.writeUInt16LE(stamp.time, 12);
      dir.writeUInt16LE(stamp.date, 14);
      dir.writeUInt32LE((0o100644 << 16) >>> 0, 38); // a regular file, rw-r--r--
    }
    parts.push(local, name, data);
    central.push(dir, name);
    offset += 30 + name.length + data.length;
  }
  const dir = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...parts, dir, end]));
}
