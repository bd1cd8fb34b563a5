import 'katex/dist/katex.min.css';
import { useMemo } from 'react';
import { renderMarkdown } from '../../viz/markdown';
import './markdown.css';

/**
 * Markdown with `$…$` / `$$…$$` maths: a lesson's prose or an exercise link's question.
 * A source the renderer refuses (too long) shows a short notice instead, with the
 * reason.
 *
 * `dangerouslySetInnerHTML` is safe here because the HTML comes only from
 * `renderMarkdown` (src/viz/markdown.ts): markdown-it with raw HTML disabled, links and
 * images rendered as text by its own rules, and KaTeX with `trust: false`. Nothing the
 * source says becomes a tag, an attribute or an address; its tests feed it hostile input.
 */
export function Markdown({
  source,
  maxLength,
  headingOffset,
  className,
  testId,
}: {
  /** The Markdown text. */
  readonly source: string;
  /** The longest source shown, in characters (default 4,000). */
  readonly maxLength?: number;
  /** Levels added to the source's headings, to sit under the page's own (default 0). */
  readonly headingOffset?: number;
  /** Extra class names for the wrapper. */
  readonly className?: string;
  readonly testId?: string;
}) {
  const result = useMemo(
    () =>
      renderMarkdown(source, {
        ...(maxLength === undefined ? {} : { maxLength }),
        ...(headingOffset === undefined ? {} : { headingOffset }),
      }),
    [source, maxLength, headingOffset],
  );
  const classes = ['markdown', className].filter(Boolean).join(' ');
  if (!result.ok)
    return (
      <p className={`${classes} markdown-refused`} role="note" data-testid={testId}>
        {result.reason}
      </p>
    );
  return (
    <div
      className={classes}
      data-testid={testId}
      dangerouslySetInnerHTML={{ __html: result.html }}
    />
  );
}
