/** One sentence to read: its words, and where they stand in the page, for the highlight. */
export interface Sentence {
  text: string;
  range: Range;
  /** The paragraph (or list item, heading, cell) holding it. */
  block: Element;
}

/**
 * Abbreviations of Vietnamese public administration, read as the words they stand for. A page
 * adds its own through read-aloud's `abbreviations`; an entry ending in "." never ends a sentence.
 */
export const ABBREVIATIONS: Readonly<Record<string, string>> = {
  UBND: 'Ủy ban nhân dân',
  HĐND: 'Hội đồng nhân dân',
  MTTQ: 'Mặt trận Tổ quốc',
  'TP.': 'thành phố',
  TP: 'thành phố',
  TW: 'Trung ương',
  BCH: 'Ban Chấp hành',
  ĐBQH: 'đại biểu Quốc hội',
  CNTT: 'công nghệ thông tin',
  'KT-XH': 'kinh tế - xã hội',
  BHXH: 'bảo hiểm xã hội',
  BHYT: 'bảo hiểm y tế',
  THPT: 'trung học phổ thông',
  THCS: 'trung học cơ sở',
  CSGT: 'cảnh sát giao thông',
  'GD&ĐT': 'Giáo dục và Đào tạo',
  'NĐ-CP': 'Nghị định của Chính phủ',
  'QĐ-UBND': 'Quyết định của Ủy ban nhân dân',
  TTHC: 'thủ tục hành chính',
  'Th.S': 'Thạc sĩ',
  'PGS.TS': 'Phó Giáo sư, Tiến sĩ',
  'TS.': 'Tiến sĩ',
};

/** Never read: code, forms, navigation, captions (photo credits), and what the page hides or excludes. */
const SKIPPED =
  'script,style,noscript,template,svg,button,select,input,textarea,nav,aside,figcaption,[hidden],[aria-hidden="true"],[data-no-read-aloud]';

/** Where one run of text ends and the next begins: a sentence never spans two of these. */
const BLOCKS =
  'p,li,dt,dd,h1,h2,h3,h4,h5,h6,td,th,caption,blockquote,pre,div,section,article,header,footer,main,figure,body';

/** Chromium stops an utterance after about 15 seconds; longer sentences are read in pieces. */
const LONGEST = 220;

function hidden(element: Element): boolean {
  if ('checkVisibility' in element) return !element.checkVisibility();
  return getComputedStyle(element).display === 'none';
}

/** The text nodes to read under `roots`, in order, grouped by the block holding them. */
function textRuns(roots: Element[], isWidget: (element: Element) => boolean): Text[][] {
  const runs: Text[][] = [];
  let block: Element | null = null;
  for (const root of roots) {
    const walker = document.createTreeWalker(
      root,
      NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT,
      (node) =>
        node instanceof Element && (node.matches(SKIPPED) || isWidget(node) || hidden(node))
          ? NodeFilter.FILTER_REJECT
          : NodeFilter.FILTER_ACCEPT,
    );
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!(node instanceof Text) || !node.data.trim()) continue;
      const holder = node.parentElement?.closest(BLOCKS) ?? root;
      if (holder !== block || !runs.length) runs.push([]);
      block = holder;
      runs[runs.length - 1]!.push(node);
    }
    block = null;
  }
  return runs;
}

const endsWithAbbreviation = (text: string, table: Record<string, string>): boolean =>
  Object.keys(table).some(
    (key) => key.endsWith('.') && new RegExp(`(^|[^\\p{L}])${escape(key)}$`, 'u').test(text),
  );

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Sentence boundaries in `text`, as [start, end) offsets. */
function sentenceSpans(text: string, lang: string, table: Record<string, string>): number[][] {
  const spans: number[][] = [];
  if ('Segmenter' in Intl) {
    for (const { index, segment } of new Intl.Segmenter(lang, { granularity: 'sentence' }).segment(
      text,
    ))
      spans.push([index, index + segment.length]);
  } else {
    for (const match of text.matchAll(/[^.!?…]*(?:[.!?…]+["”’)]*\s*|$)/g))
      if (match[0]) spans.push([match.index, match.index + match[0].length]);
  }
  // "TP. Huế": a known abbreviation's dot is no sentence's end.
  return spans.reduce<number[][]>((joined, span) => {
    const last = joined[joined.length - 1];
    if (last && endsWithAbbreviation(text.slice(last[0], last[1]).trimEnd(), table))
      last[1] = span[1];
    else joined.push(span);
    return joined;
  }, []);
}

/** Cuts a span longer than LONGEST at the last comma, semicolon or space before the limit. */
function pieces(text: string, [start, end]: number[]): number[][] {
  const result: number[][] = [];
  while (end - start > LONGEST) {
    const window = text.slice(start, start + LONGEST);
    const cut = Math.max(
      window.lastIndexOf(', '),
      window.lastIndexOf('; '),
      window.lastIndexOf(': '),
    );
    const at = cut > LONGEST / 3 ? cut + 1 : window.lastIndexOf(' ');
    const next = start + (at > 0 ? at : LONGEST);
    result.push([start, next]);
    start = next;
  }
  result.push([start, end]);
  return result;
}

/**
 * The sentences to read under `roots`, in reading order, skipping what is never read (see
 * SKIPPED) and any element `isWidget` names (our own elements inside an article).
 */
export function readingSentences(
  roots: Element[],
  lang: string,
  table: Record<string, string>,
  isWidget: (element: Element) => boolean,
): Sentence[] {
  const sentences: Sentence[] = [];
  for (const run of textRuns(roots, isWidget)) {
    const text = run.map((node) => node.data).join('');
    const block = run[0]!.parentElement?.closest(BLOCKS) ?? run[0]!.parentElement!;
    /** The text node and offset at position `at` of the run's text. */
    const locate = (at: number): [Text, number] => {
      let start = 0;
      for (const node of run) {
        if (at <= start + node.data.length) return [node, at - start];
        start += node.data.length;
      }
      const last = run[run.length - 1]!;
      return [last, last.data.length];
    };
    for (const span of sentenceSpans(text, lang, table)) {
      for (const [from, to] of pieces(text, span)) {
        const raw = text.slice(from, to);
        if (!/[\p{L}\p{N}]/u.test(raw)) continue;
        const lead = raw.length - raw.trimStart().length;
        const trail = raw.length - raw.trimEnd().length;
        const range = new Range();
        range.setStart(...locate(from + lead));
        range.setEnd(...locate(to - trail));
        sentences.push({ text: raw.replace(/\s+/g, ' ').trim(), range, block });
      }
    }
  }
  return sentences;
}

const patterns = new WeakMap<object, RegExp>();

/** The sentence as it should be said: each abbreviation of `table` replaced by its words. */
export function speakable(text: string, table: Record<string, string>): string {
  let pattern = patterns.get(table);
  if (!pattern) {
    const keys = Object.keys(table).sort((a, b) => b.length - a.length);
    if (!keys.length) return text;
    // No look-behind: Safari before 16.4 cannot parse it.
    pattern = new RegExp(
      `(^|[^\\p{L}\\p{N}])(${keys.map(escape).join('|')})(?![\\p{L}\\p{N}])`,
      'gu',
    );
    patterns.set(table, pattern);
  }
  return text.replace(pattern, (_, before: string, key: string) => before + (table[key] ?? key));
}
