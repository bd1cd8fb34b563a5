import katex from 'katex';
import MarkdownIt from 'markdown-it';
import type { MarkdownIt as Markdown, StateBlock, StateInline, Token } from 'markdown-it';

/**
 * Markdown with KaTeX maths for lesson prose and for the question of an exercise link,
 * which is untrusted: whoever made the link wrote it. The renderer is built so that
 * nothing in the source can run code, load anything or send the learner elsewhere:
 *
 * - `html: false`: raw HTML (`<script>`, `<img onerror=…>`, `<iframe>`) is shown as
 *   escaped text, never parsed as markup.
 * - No image is ever loaded: an image becomes its alt text, marked as an image, and no
 *   `<img>` or `src=` is ever written (a remote image would leak that the learner opened
 *   the link, and the lab never requests anything outside its own origin).
 * - No link ever becomes an `<a>`, not even a `#…` one. The lab keeps its whole state in
 *   the fragment (src/app/urlSync.ts), so a `#…` link in a hostile question could swap
 *   the exercise for another, reset the learner's network or load a different dataset
 *   with one click. An `http(s)` link is shown as its text followed by its address as
 *   plain text, so the learner sees where it goes and can copy it on purpose; the address
 *   is shown as markdown-it normalised it (percent-encoded, punycode host), so a
 *   look-alike Unicode host cannot pose as a familiar one. Any other link (`#…`, relative,
 *   `javascript:`, `data:`, `vbscript:`, `file:`…) keeps only its text and a note that
 *   the link was removed; its address is not written at all.
 *   `validateLink` accepts every address so that every link is parsed as a link token
 *   and goes through these render rules (with markdown-it's default check, a
 *   `[x](javascript:…)` would stay on the page as its literal source text).
 * - `linkify: false`: bare addresses in the text stay text.
 * - `typographer: false`: lesson text is technical (`--check`, `+-`, `(c)`) and is
 *   shown as written, not turned into dashes, ± or ©.
 * - Maths goes through KaTeX with `trust: false` (no `\href`, `\url`,
 *   `\includegraphics`, `\htmlClass`…), `maxSize` (no formula blows up the layout),
 *   `maxExpand` and, before that, a refusal of macro definitions (`\def`,
 *   `\newcommand`…): a user macro that repeats a long body expands to megabytes of
 *   output within KaTeX's default expansion limit and hangs the page for a minute.
 *   Each formula has its own macro table, so no formula can redefine another's
 *   commands. KaTeX errors, and anything it throws (a stack overflow on absurd
 *   nesting), show the formula's source as code.
 */

/** The default longest source {@link renderMarkdown} renders, in characters. */
export const MARKDOWN_MAX_LENGTH = 4000;

/** KaTeX's largest size in em (a `\rule{1000em}{1000em}` is clipped to it). */
const MAX_SIZE_EM = 20;
/** KaTeX's macro expansion limit: real formulas use a few dozen (built-ins such as `\dfrac`). */
const MAX_EXPAND = 200;
/** Commands that define macros, refused before KaTeX sees the formula. */
const MACRO_DEFINITION =
  /\\(?:[gex]?def|let|futurelet|(?:re)?newcommand|providecommand|global|expandafter)(?![a-zA-Z@])/;

/** What {@link renderMarkdown} returns: the HTML, or why the source was refused. */
export type MarkdownResult =
  { readonly ok: true; readonly html: string } | { readonly ok: false; readonly reason: string };

/** Options of {@link renderMarkdown}. */
export interface MarkdownOptions {
  /** The longest source accepted, in characters (UTF-16 code units); default 4,000. */
  readonly maxLength?: number;
  /** Levels added to every heading (1 turns `#` into an h2), at most h6; default 0. */
  readonly headingOffset?: number;
}

const escapeHtml = (text: string): string =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

/** One formula as KaTeX HTML (with MathML for screen readers), or its source as code. */
function renderMaths(tex: string, display: boolean): string {
  const asCode = (why: string) =>
    `<code class="md-maths-error" data-reason="${why}">${escapeHtml(tex)}</code>`;
  if (MACRO_DEFINITION.test(tex)) return asCode('macro-definition');
  try {
    return katex.renderToString(tex, {
      displayMode: display,
      throwOnError: false,
      trust: false,
      strict: 'ignore',
      maxSize: MAX_SIZE_EM,
      maxExpand: MAX_EXPAND,
      output: 'htmlAndMathml',
    });
  } catch {
    return asCode('katex-failed');
  }
}

/** Whether the `$` at `pos` is escaped by an odd run of backslashes before it. */
const escapedAt = (src: string, pos: number): boolean => {
  let slashes = 0;
  for (let i = pos - 1; i >= 0 && src.charCodeAt(i) === 0x5c; i--) slashes++;
  return slashes % 2 === 1;
};

/**
 * Inline maths: `$…$` (the opening `$` not followed by a space, the closing one not
 * preceded by a space nor followed by a digit, as Pandoc reads it, so "$5 and $6"
 * stays text) and `$$…$$` inside a paragraph, typeset in display style. Runs after
 * markdown-it's escape rule, so `\$` outside maths is a plain dollar sign; inside a
 * formula `\$` is TeX's dollar and does not close it.
 */
function mathsInline(state: StateInline, silent: boolean): boolean {
  const { src, pos, posMax } = state;
  if (src.charCodeAt(pos) !== 0x24) return false;
  const display = src.charCodeAt(pos + 1) === 0x24;
  const open = display ? 2 : 1;
  const first = src.charAt(pos + open);
  if (first === '' || /\s/.test(first) || (!display && first === '$')) return false;
  let end = pos + open;
  for (;;) {
    end = src.indexOf(display ? '$$' : '$', end);
    if (end < 0 || end + open > posMax) return false;
    if (!escapedAt(src, end) && !/\s/.test(src.charAt(end - 1))) break;
    end += 1;
  }
  if (!display && /\d/.test(src.charAt(end + 1))) return false;
  if (!silent) {
    const token = state.push(display ? 'maths_display' : 'maths_inline', 'math', 0);
    token.content = src.slice(pos + open, end);
    token.markup = display ? '$$' : '$';
  }
  state.pos = end + open;
  return true;
}

/**
 * Display maths as a block: a line starting with `$$` (indented less than four spaces)
 * up to the first line ending with `$$`, which may be the same line. Without a closing
 * `$$` the lines are left to the paragraph rule.
 */
function mathsBlock(state: StateBlock, startLine: number, endLine: number, silent: boolean) {
  const lineText = (line: number) =>
    state.src.slice((state.bMarks[line] ?? 0) + (state.tShift[line] ?? 0), state.eMarks[line]);
  if ((state.sCount[startLine] ?? 0) - state.blkIndent >= 4) return false;
  const firstLine = lineText(startLine).trimEnd();
  if (!firstLine.startsWith('$$')) return false;
  let body: string[];
  let last = startLine;
  if (firstLine.length >= 4 && firstLine.endsWith('$$')) {
    body = [firstLine.slice(2, -2)];
  } else {
    body = [firstLine.slice(2)];
    for (last = startLine + 1; ; last++) {
      if (last >= endLine) return false;
      const text = lineText(last).trimEnd();
      if (text.endsWith('$$') && !escapedAt(text, text.length - 2)) {
        body.push(text.slice(0, -2));
        break;
      }
      body.push(text);
    }
  }
  if (silent) return true;
  const token = state.push('maths_block', 'math', 0);
  token.block = true;
  token.content = body.join('\n').trim();
  token.markup = '$$';
  token.map = [startLine, last + 1];
  state.line = last + 1;
  return true;
}

/** Whether an address is one the renderer shows as text: `http:` or `https:` only. */
const showsAddress = (href: string): boolean => /^https?:\/\//i.test(href);

/** The nearest `link_open` before `idx` (Markdown links cannot nest). */
function openingLink(tokens: readonly Token[], idx: number): Token | undefined {
  for (let i = idx - 1; i >= 0; i--) if (tokens[i]?.type === 'link_open') return tokens[i];
  return undefined;
}

/** The text of a token list, as markdown-it's renderer takes alt text from an image. */
const plainText = (tokens: readonly Token[] | null): string =>
  (tokens ?? [])
    .map((t) => (t.children && t.children.length > 0 ? plainText(t.children) : t.content))
    .join('');

function createRenderer(): Markdown {
  const md = new MarkdownIt({ html: false, linkify: false, typographer: false, breaks: false });
  md.validateLink = () => true;
  md.inline.ruler.after('escape', 'maths_inline', mathsInline);
  md.block.ruler.before('fence', 'maths_block', mathsBlock, {
    alt: ['paragraph', 'reference', 'blockquote', 'list'],
  });
  const rules = md.renderer.rules;
  rules.maths_inline = (tokens, idx) => renderMaths(tokens[idx]?.content ?? '', false);
  rules.maths_display = (tokens, idx) => renderMaths(tokens[idx]?.content ?? '', true);
  rules.maths_block = (tokens, idx) =>
    `<div class="md-maths">${renderMaths(tokens[idx]?.content ?? '', true)}</div>\n`;
  rules.link_open = (tokens, idx) => {
    const href = String(tokens[idx]?.attrGet('href') ?? '');
    // An autolink's text is its address: a removed one (`<javascript:…>`) keeps no text.
    if (tokens[idx]?.info === 'auto' && !showsAddress(href))
      for (let i = idx + 1; i < tokens.length && tokens[i]?.type !== 'link_close'; i++) {
        const inner = tokens[i];
        if (inner) inner.content = '';
      }
    return `<span class="${showsAddress(href) ? 'md-link' : 'md-link md-link-removed'}">`;
  };
  rules.link_close = (tokens, idx) => {
    const open = openingLink(tokens, idx);
    const href = String(open?.attrGet('href') ?? '');
    if (!showsAddress(href)) return ' <span class="md-link-note">(link removed)</span></span>';
    if (open?.info === 'auto') return '</span>';
    return ` (<code class="md-link-address">${escapeHtml(href)}</code>)</span>`;
  };
  // A heading ranks below the page's own (`headingOffset`), so a question's "# Title" is no second h1.
  const ranked: NonNullable<typeof rules.heading_open> = (tokens, idx, options, env, self) => {
    const token = tokens[idx];
    const offset = Number((env as { headingOffset?: unknown } | undefined)?.headingOffset) || 0;
    if (token) token.tag = `h${Math.min(6, (Number(token.tag.slice(1)) || 1) + offset)}`;
    return self.renderToken(tokens, idx, options);
  };
  rules.heading_open = ranked;
  rules.heading_close = ranked;
  rules.image = (tokens, idx) => {
    const alt = plainText(tokens[idx]?.children ?? null).trim();
    const label = alt === '' ? 'image not shown' : `image not shown: ${alt}`;
    return `<span class="md-image">[${escapeHtml(label)}]</span>`;
  };
  return md;
}

let renderer: Markdown | undefined;

const count = (n: number): string => n.toLocaleString('en-US');

/**
 * Renders Markdown with `$…$` / `$$…$$` maths to HTML that is safe to put into the page:
 * no raw HTML, no image, no link, no script, nothing that loads from anywhere (see the
 * comment at the top of this file for each rule and why). A source longer than
 * `maxLength` (default {@link MARKDOWN_MAX_LENGTH}) is refused whole, not cut, with a
 * reason a person can read.
 */
export function renderMarkdown(source: string, options: MarkdownOptions = {}): MarkdownResult {
  const maxLength = options.maxLength ?? MARKDOWN_MAX_LENGTH;
  if (typeof source !== 'string') return { ok: false, reason: 'There is no text to show.' };
  if (source.length > maxLength)
    return {
      ok: false,
      reason: `This text is ${count(source.length)} characters long; at most ${count(maxLength)} can be shown, so it is not shown at all.`,
    };
  renderer ??= createRenderer();
  try {
    return {
      ok: true,
      html: renderer.render(source, { headingOffset: options.headingOffset ?? 0 }),
    };
  } catch {
    return { ok: false, reason: 'This text could not be read as Markdown.' };
  }
}
