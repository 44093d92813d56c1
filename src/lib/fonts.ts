// The Chinese font embedded in generated notices (PDF). Looked up once per process, in this order:
// 1. the NOTICE_FONT setting: a font file path; a collection (.ttc) needs its PostScript name after
//    「#」, e.g. /usr/share/fonts/truetype/wqy/wqy-microhei.ttc#WenQuanYiMicroHei;
// 2. the font package installed with the application (Noto Serif SC, SIL Open Font License), so a
//    fresh `npm install` prints Chinese without any system font and without a download;
// 3. Debian's font packages (fonts-noto-cjk, fonts-wqy-microhei).
// The renderers subset the font: only the glyphs used are embedded in each PDF.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

export interface FontFace {
  data: Buffer;
  /** The PostScript name of the face inside a collection (.ttc); undefined for a single font. */
  postscriptName?: string;
  /** Where it was found (for messages and logs). */
  source: string;
}

export interface NoticeFonts {
  /** Body text. */
  regular: FontFace;
  /** Titles; the regular face when no bold face is found with it. */
  bold: FontFace;
}

interface Candidate {
  regular: { path: string; postscriptName?: string };
  bold?: { path: string; postscriptName?: string };
}

const PACKAGE = '@expo-google-fonts/noto-serif-sc';

function packageCandidate(): Candidate | null {
  const require = createRequire(import.meta.url);
  try {
    return {
      regular: { path: require.resolve(`${PACKAGE}/400Regular/NotoSerifSC_400Regular.ttf`) },
      bold: { path: require.resolve(`${PACKAGE}/700Bold/NotoSerifSC_700Bold.ttf`) },
    };
  } catch {
    return null;
  }
}

const DEBIAN: readonly Candidate[] = [
  {
    regular: {
      path: '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc',
      postscriptName: 'NotoSerifCJKsc-Regular',
    },
    bold: {
      path: '/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc',
      postscriptName: 'NotoSerifCJKsc-Bold',
    },
  },
  {
    regular: {
      path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
      postscriptName: 'NotoSansCJKsc-Regular',
    },
    bold: {
      path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc',
      postscriptName: 'NotoSansCJKsc-Bold',
    },
  },
  {
    regular: { path: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', postscriptName: 'WenQuanYiMicroHei' },
  },
  { regular: { path: '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc', postscriptName: 'WenQuanYiZenHei' } },
];

/** 「/path/font.ttc#PostScriptName」 → path and name. */
export function parseFontSetting(setting: string): { path: string; postscriptName?: string } {
  const hash = setting.lastIndexOf('#');
  if (hash <= 0) return { path: setting };
  const name = setting.slice(hash + 1).trim();
  return { path: setting.slice(0, hash), ...(name ? { postscriptName: name } : {}) };
}

function face(spec: { path: string; postscriptName?: string }): FontFace {
  return {
    data: readFileSync(spec.path),
    ...(spec.postscriptName ? { postscriptName: spec.postscriptName } : {}),
    source: spec.postscriptName ? `${spec.path}#${spec.postscriptName}` : spec.path,
  };
}

function load(candidate: Candidate): NoticeFonts {
  const regular = face(candidate.regular);
  const bold = candidate.bold && existsSync(candidate.bold.path) ? face(candidate.bold) : regular;
  return { regular, bold };
}

const cache = new Map<string, NoticeFonts>();

/**
 * The fonts for notices. `setting` is the NOTICE_FONT configuration value (empty = not set). A set
 * value that names no file is an error rather than a silent fallback. Cached per setting.
 */
export function loadNoticeFonts(setting?: string | null): NoticeFonts {
  const key = setting?.trim() ?? '';
  const hit = cache.get(key);
  if (hit) return hit;
  let fonts: NoticeFonts | null = null;
  if (key !== '') {
    const spec = parseFontSetting(key);
    if (!existsSync(spec.path))
      throw new Error(`告知书字体文件不存在：${spec.path}（请检查 NOTICE_FONT 设置）`);
    if (/\.(ttc|otc)$/i.test(spec.path) && !spec.postscriptName)
      throw new Error(
        `字体集 ${spec.path} 包含多个字体，请在 NOTICE_FONT 中用「路径#PostScript名称」指明其中一个`,
      );
    fonts = load({ regular: spec });
  } else {
    const found = [packageCandidate(), ...DEBIAN].find(
      (c): c is Candidate => c !== null && existsSync(c.regular.path),
    );
    if (found) fonts = load(found);
  }
  if (!fonts)
    throw new Error(
      '找不到可用于生成告知书的中文字体：请执行 npm install 安装依赖，或将 NOTICE_FONT 设置为中文字体文件的路径（.ttc 字体集写成「路径#PostScript名称」）',
    );
  cache.set(key, fonts);
  return fonts;
}
