import katex from 'katex';
import 'katex/dist/katex.min.css';
import { useEffect, useMemo, useRef, useState } from 'react';

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
  // A display formula wider than its card scrolls sideways: then it takes focus, so the
  // keyboard can scroll it too (WCAG 2.1.1; on a phone most of them do).
  const ref = useRef<HTMLDivElement>(null);
  const [scrolls, setScrolls] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el || !display) return;
    const check = () => setScrolls(el.scrollWidth > el.clientWidth + 1);
    check();
    const observer = new ResizeObserver(check);
    observer.observe(el);
    return () => observer.disconnect();
  }, [display, html]);
  if (!display)
    return (
      <span
        className="maths-inline"
        data-testid={testId}
        dangerouslySetInnerHTML={{ __html: html }}
      />
    );
  return (
    <div
      ref={ref}
      className="maths-formula"
      tabIndex={scrolls ? 0 : undefined}
      data-testid={testId}
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
