import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { cellSizeFor, GridFigures } from '../../../src/panels/convolution/NumberGrid';
import { RangeLegend } from '../../../src/panels/shared/RangeLegend';
import { RowTable } from '../../../src/panels/shared/RowTable';

describe('RowTable', () => {
  const html = renderToStaticMarkup(
    createElement(RowTable<{ name: string; n: number }>, {
      className: 'counts-table',
      rows: [
        { name: 'cat', n: 3 },
        { name: 'dog', n: 5 },
      ],
      rowKey: (r) => r.name,
      rowClassName: (r) => (r.n > 4 ? 'selected' : undefined),
      columns: [
        { heading: 'Class', cell: (r) => r.name },
        { heading: 'Count', cell: (r) => r.n, className: 'num' },
        { heading: 'Row', cell: (_, i) => i },
      ],
    }),
  );

  it('heads every column and makes the first column the row header', () => {
    expect(html).toBe(
      '<table class="counts-table"><thead><tr>' +
        '<th scope="col">Class</th><th scope="col">Count</th><th scope="col">Row</th>' +
        '</tr></thead><tbody>' +
        '<tr><th scope="row">cat</th><td class="num">3</td><td>0</td></tr>' +
        '<tr class="selected"><th scope="row">dog</th><td class="num">5</td><td>1</td></tr>' +
        '</tbody></table>',
    );
  });
});

describe('RangeLegend', () => {
  it('writes both ends with the default format and no extras', () => {
    const html = renderToStaticMarkup(createElement(RangeLegend, { range: [0, 255] }));
    expect(html).toContain('<span>0.00</span>');
    expect(html).toContain('<span>255</span>');
    expect(html).not.toContain('data-testid');
    expect(html).not.toContain('white = 0');
  });

  it('takes a format, a test id, and says white is zero only on a diverging key', () => {
    const props = { range: [-1, 1] as const, format: (v: number) => `v${v}`, zeroNote: true };
    const diverging = renderToStaticMarkup(
      createElement(RangeLegend, { ...props, diverging: true, testId: 'value-legend' }),
    );
    expect(diverging).toContain('data-testid="value-legend"');
    expect(diverging).toContain('<span>v-1</span>');
    expect(diverging).toContain('(white = 0)');
    const grey = renderToStaticMarkup(createElement(RangeLegend, { ...props, diverging: false }));
    expect(grey).not.toContain('white = 0');
  });
});

describe('GridFigures', () => {
  it('draws one captioned grid per channel, each with its own test id, label and cells', () => {
    const html = renderToStaticMarkup(
      createElement(GridFigures, {
        count: 2,
        side: 2,
        cellSize: 30,
        testId: 'conv-kernel',
        label: (k) => `grid ${k}`,
        cell: (k, r, c) => ({ text: `${k}${r}${c}` }),
        caption: (k) => `caption ${k}`,
      }),
    );
    expect(html.match(/<figure class="conv-figure">/g)).toHaveLength(2);
    expect(html).toContain('data-testid="conv-kernel-0"');
    expect(html).toContain('data-testid="conv-kernel-1"');
    expect(html).toContain('aria-label="grid 1"');
    expect(html).toContain('>111</text>');
    expect(html).toContain('<figcaption>caption 1</figcaption>');
    expect(html.match(/class="grid-cell /g)).toHaveLength(8);
  });

  it('sizes the cells by the side unless told', () => {
    expect([1, 5, 8, 9, 16, 40].map(cellSizeFor)).toEqual([52, 52, 52, 51, 30, 30]);
    const html = renderToStaticMarkup(
      createElement(GridFigures, {
        count: 1,
        side: 9,
        testId: 'g',
        label: () => 'grid',
        cell: () => ({ text: '0' }),
        caption: () => 'caption',
      }),
    );
    expect(html).toContain('width="51" height="51"');
  });
});
