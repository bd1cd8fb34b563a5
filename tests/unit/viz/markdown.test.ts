import { describe, expect, it } from 'vitest';
import { MARKDOWN_MAX_LENGTH, renderMarkdown } from '../../../src/viz/markdown';

/** The HTML of a source the renderer accepts. */
function html(source: string): string {
  const result = renderMarkdown(source);
  if (!result.ok) throw new Error(`refused: ${result.reason}`);
  return result.html;
}

interface Tag {
  readonly name: string;
  readonly attrs: ReadonlyMap<string, string>;
}

/**
 * The opening tags of the HTML, with their attributes: a small scanner, enough for the
 * well-formed, double-quoted markup markdown-it and KaTeX write. Every `<` in the output
 * must start a tag it can read, so a stray `<` in text would fail here too.
 */
function tags(markup: string): Tag[] {
  const found: Tag[] = [];
  const tag = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s"'=<>/]+(?:="[^"]*")?)*)\s*(\/?)>/y;
  for (let i = markup.indexOf('<'); i >= 0; i = markup.indexOf('<', i + 1)) {
    tag.lastIndex = i;
    const m = tag.exec(markup);
    if (!m) throw new Error(`unreadable markup at ${i}: ${markup.slice(i, i + 40)}`);
    if (m[1] === '/') continue;
    const attrs = new Map<string, string>();
    for (const a of (m[3] ?? '').matchAll(/([^\s"'=<>/]+)(?:="([^"]*)")?/g))
      attrs.set((a[1] ?? '').toLowerCase(), a[2] ?? '');
    found.push({ name: (m[2] ?? '').toLowerCase(), attrs });
  }
  return found;
}

const names = (markup: string) => tags(markup).map((t) => t.name);

/** Asserts that nothing in the markup can run code, load anything or navigate. */
function expectInert(markup: string): void {
  expect(markup).not.toMatch(/<script/i);
  expect(markup).not.toMatch(/<img/i);
  expect(markup).not.toMatch(/<iframe/i);
  for (const { name, attrs } of tags(markup)) {
    expect([
      'script',
      'img',
      'iframe',
      'object',
      'embed',
      'a',
      'link',
      'style',
      'form',
    ]).not.toContain(name);
    for (const [attr, value] of attrs) {
      expect(attr, `${name} ${attr}`).not.toMatch(/^on/);
      expect(['src', 'href', 'xlink:href', 'action', 'formaction', 'srcset']).not.toContain(attr);
      // Text attributes (a KaTeX error's title) may quote the source; none may act on it.
      expect(value.trim(), `${name} ${attr}`).not.toMatch(/^(?:javascript|data|vbscript):/i);
      if (attr === 'style') expect(value).not.toMatch(/url\(|expression|@import|\\/i);
    }
  }
}

describe('renderMarkdown: Markdown', () => {
  it('renders headings, emphasis, lists, code and blocks as their elements', () => {
    const out = html(
      [
        '# Title',
        '## Part',
        'Some *emphasis*, **strong** and `code`.',
        '',
        '- one',
        '- two',
        '',
        '1. first',
        '',
        '```',
        'x = 1 < 2',
        '```',
        '',
        '> quoted',
      ].join('\n'),
    );
    expect(names(out)).toEqual(
      expect.arrayContaining([
        'h1',
        'h2',
        'em',
        'strong',
        'code',
        'ul',
        'ol',
        'li',
        'pre',
        'blockquote',
      ]),
    );
    expect(out).toContain('<h1>Title</h1>');
    expect(out).toContain('<em>emphasis</em>');
    expect(out).toContain('<code>x = 1 &lt; 2\n</code>');
    expectInert(out);
  });

  it('keeps typography as written: no smart dashes, ± or ©', () => {
    expect(html('--check +- (c)')).toBe('<p>--check +- (c)</p>\n');
  });

  it('refuses, not truncates, text over the limit, with a readable reason', () => {
    const long = 'a'.repeat(5000);
    const result = renderMarkdown(long);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.reason).toBe(
        'This text is 5,000 characters long; at most 4,000 can be shown, so it is not shown at all.',
      );
    expect(renderMarkdown('a'.repeat(MARKDOWN_MAX_LENGTH)).ok).toBe(true);
    expect(renderMarkdown('abcdef', { maxLength: 5 }).ok).toBe(false);
  });
});

describe('renderMarkdown: maths', () => {
  it('typesets $…$ inline, with MathML for screen readers', () => {
    const out = html('The size is $\\frac{W-K+2P}{S}+1$ here.');
    expect(out).toMatch(/^<p>The size is <span class="katex">/);
    expect(names(out)).toEqual(expect.arrayContaining(['math', 'semantics', 'mfrac']));
    expect(out).not.toContain('katex-display');
    expectInert(out);
  });

  it('typesets $$…$$ as display maths, on one line or several', () => {
    const one = html('$$\\sigma(z) = \\frac{1}{1+e^{-z}}$$');
    expect(one).toMatch(/^<div class="md-maths"><span class="katex-display">/);
    const several = html('Before\n\n$$\n a^2\n + b^2\n$$\n\nAfter');
    expect(several).toContain('<div class="md-maths"><span class="katex-display">');
    expect(several).toContain('<p>After</p>');
    expect(html('so $$x^2$$ inline')).toContain('katex-display');
    expectInert(one + several);
  });

  it('keeps \\$ and prices as dollar signs', () => {
    expect(html('costs \\$5 and \\$6')).toBe('<p>costs $5 and $6</p>\n');
    expect(html('$5 and $6')).toBe('<p>$5 and $6</p>\n');
    expect(html('$ x $')).toBe('<p>$ x $</p>\n');
    expect(html('$a\\$b$')).toContain('class="katex"');
  });

  it('shows a KaTeX error as the formula, not a thrown error', () => {
    const out = html('$\\frac{1}{$');
    expect(out).toContain('katex-error');
    expectInert(out);
  });
});

describe('renderMarkdown: hostile input', () => {
  it('shows raw HTML as escaped text', () => {
    const script = html('<script>alert(1)</script>');
    expect(script).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n');
    expectInert(script);
    const img = html('<img src=x onerror=alert(1)>');
    expect(img).toBe('<p>&lt;img src=x onerror=alert(1)&gt;</p>\n');
    expectInert(img);
    const frame = html(
      '<iframe src="https://evil.example/"></iframe>\n\n<div onclick="x()">hi</div>',
    );
    expect(names(frame)).toEqual(['p', 'p']);
    expectInert(frame);
    expectInert(html('<a href="javascript:alert(1)">x</a> <svg onload=alert(1)>'));
  });

  it('never makes a link: javascript:, data:, # and relative ones keep only their text', () => {
    for (const href of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
      'vbscript:msgbox(1)',
      '#v=1&lr=1000',
      '../elsewhere',
    ]) {
      const out = html(`[x](${href})`);
      expect(out).toBe(
        '<p><span class="md-link md-link-removed">x <span class="md-link-note">(link removed)</span></span></p>\n',
      );
      expectInert(out);
    }
    const auto = html('<javascript:alert(1)>');
    expect(auto).not.toContain('javascript');
    expectInert(auto);
  });

  it('shows an https link as its text and its address, as text', () => {
    const out = html('[the docs](https://example.org/a?b=1&c="2")');
    expect(out).toBe(
      '<p><span class="md-link">the docs (<code class="md-link-address">https://example.org/a?b=1&amp;c=%222%22</code>)</span></p>\n',
    );
    expectInert(out);
    expect(html('<https://example.org>')).toBe(
      '<p><span class="md-link">https://example.org</span></p>\n',
    );
    expect(html('see https://example.org')).toBe('<p>see https://example.org</p>\n');
  });

  it('never loads an image: it becomes its alt text', () => {
    const out = html('![x](https://evil.example/t.png) ![](data:image/png;base64,AAAA)');
    expect(out).toBe(
      '<p><span class="md-image">[image not shown: x]</span> <span class="md-image">[image not shown]</span></p>\n',
    );
    expect(out).not.toContain('evil.example');
    expectInert(out);
  });

  it('gives KaTeX no trust: \\href, \\url, \\includegraphics and html commands do nothing', () => {
    for (const tex of [
      '\\href{javascript:alert(1)}{x}',
      '\\url{https://evil.example/}',
      '\\includegraphics{https://evil.example/t.png}',
      '\\htmlStyle{background:url(https://evil.example/t.png)}{x}',
      '\\htmlClass{x}{y}',
      '\\htmlData{foo=javascript:alert(1)}{x}',
      '\\color{red;background:url(https://evil.example/t.png)}{x}',
    ]) {
      const out = html(`$${tex}$`);
      expectInert(out);
      // The source survives only as text (MathML's annotation, an error's title).
      expect(out).not.toMatch(/<[^>]*\s(?:href|src)=/);
    }
  });

  it('refuses macro definitions and stops recursion: $\\def\\a{\\a}\\a$ does not hang', () => {
    const start = performance.now();
    const out = html('$\\def\\a{\\a}\\a$ and $\\newcommand\\b{\\b}\\b$');
    expect(performance.now() - start).toBeLessThan(2000);
    expect(out).toContain(
      '<code class="md-maths-error" data-reason="macro-definition">\\def\\a{\\a}\\a</code>',
    );
    expectInert(out);
    const body = 'x'.repeat(3000);
    const blowUp = `$\\def\\a{${body}}\\def\\b{\\a\\a\\a\\a\\a\\a\\a\\a\\a\\a}\\b\\b\\b\\b$`;
    const t = performance.now();
    expect(html(blowUp)).toContain('md-maths-error');
    expect(performance.now() - t).toBeLessThan(2000);
  });

  it('clips sizes and survives absurd nesting', () => {
    const huge = html('$\\rule{1000em}{1000em}$');
    const styles = tags(huge).map((t) => t.attrs.get('style') ?? '');
    expect(styles.join(';')).toContain('20em');
    expect(styles.join(';')).not.toContain('1000em');
    expectInert(huge);
    const deep = html(`$${'{'.repeat(1900)}x${'}'.repeat(1900)}$`);
    expect(deep).toContain('md-maths-error');
    const nested = html(`${'> '.repeat(500)}x\n\n${'- '.repeat(500)}y`);
    expectInert(nested);
  });
});
