import katex from 'katex';
import 'katex/dist/katex.min.css';
import { useMemo } from 'react';

/**
 * A formula typeset by KaTeX. The TeX comes only from the lab's own formula builders
 * (src/viz/maths), which put numbers into fixed strings; nothing a person types reaches
 * it, so the HTML KaTeX returns is trusted. MathML rides along for screen readers.
 */
export function Tex({
  tex,
  display = false,
  testId,
}: {
  readonly tex: string;
  readonly display?: boolean;
  readonly testId?: string;
}) {
  const html = useMemo(
    () =>
      katex.renderToString(tex, {
        displayMode: display,
        throwOnError: false,
        output: 'htmlAndMathml',
      }),
    [tex, display],
  );
  const Tag = display ? 'div' : 'span';
  return (
    <Tag
      className={display ? 'maths-formula' : 'maths-inline'}
      data-testid={testId}
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
