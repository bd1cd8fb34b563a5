import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Markdown } from '../../../src/panels/shared/Markdown';

const render = (props: Parameters<typeof Markdown>[0]) =>
  renderToStaticMarkup(createElement(Markdown, props));

describe('Markdown', () => {
  it('puts the rendered HTML in a wrapper', () => {
    expect(render({ source: '*hi* <b>x</b>', testId: 'q' })).toBe(
      '<div class="markdown" data-testid="q"><p><em>hi</em> &lt;b&gt;x&lt;/b&gt;</p>\n</div>',
    );
  });

  it('shows the reason, as a note, for a source it refuses', () => {
    expect(render({ source: 'abcdef', maxLength: 5, className: 'question' })).toBe(
      '<p class="markdown question markdown-refused" role="note">This text is 6 characters long; at most 5 can be shown, so it is not shown at all.</p>',
    );
  });
});
