import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeNetwork } from '../../../src/core/analyze';
import { fieldToText, textToField } from '../../../src/panels/architecture/fieldText';

describe('textToField', () => {
  it.each([
    ['3', 3],
    ['  16 ', 16],
    ['0.25', 0.25],
    ['-2', -2],
  ])('count %j -> %j', (text, value) => {
    expect(textToField('count', text)).toBe(value);
  });

  it.each([
    ['3', 3],
    ['3, 5', [3, 5]],
    ['3,5', [3, 5]],
    ['3x5', [3, 5]],
    ['3X5', [3, 5]],
    ['3 x 5', [3, 5]],
    ['3×5', [3, 5]],
    ['3*5', [3, 5]],
    ['3 5', [3, 5]],
    ['3x3', 3],
    ['7, 7', 7],
  ])('pair %j -> %j', (text, value) => {
    expect(textToField('pair', text)).toEqual(value);
  });

  it.each([
    ['same', 'same'],
    ['SAME', 'same'],
    ['VALID', 'valid'],
    [' Valid ', 'valid'],
    ['2', 2],
    ['1, 2', [1, 2]],
    ['0x0', 0],
  ])('padding %j -> %j', (text, value) => {
    expect(textToField('padding', text)).toEqual(value);
  });

  it.each([
    ['0.5', 0.5],
    ['0', 0],
    ['.5', 0.5],
  ])('rate %j -> %j', (text, value) => {
    expect(textToField('rate', text)).toBe(value);
  });

  it.each([
    ['true', true],
    ['false', false],
  ])('boolean %j -> %j', (text, value) => {
    expect(textToField('boolean', text)).toBe(value);
  });

  it('keeps an activation name as typed', () => {
    expect(textToField('activation', 'relu')).toBe('relu');
    expect(textToField('activation', ' tanh ')).toBe('tanh');
  });

  it.each(['count', 'pair', 'padding', 'rate', 'activation', 'boolean'] as const)(
    'an empty %s box means "use the default"',
    (kind) => {
      expect(textToField(kind, '')).toBeUndefined();
      expect(textToField(kind, '   ')).toBeUndefined();
    },
  );

  it.each([
    ['count', 'abc'],
    ['count', '1e3'],
    ['pair', 'abc'],
    ['pair', '3x5x7'],
    ['pair', 'same'],
    ['padding', 'full'],
    ['rate', 'half'],
    ['boolean', 'yes'],
  ] as const)('%s %j stays text so the core can report it', (kind, text) => {
    expect(textToField(kind, text)).toBe(text);
  });

  it('text that does not parse reaches the core, which names the field and the value', () => {
    const kernel = textToField('pair', 'abc');
    const report = analyzeNetwork({
      input: [28, 28, 1],
      layers: [{ type: 'conv2d', filters: 4, kernel }],
    });
    expect(report.errors).toHaveLength(1);
    expect(report.errors[0]?.field).toBe('kernel');
    expect(report.errors[0]?.message).toContain('"abc"');
  });
});

describe('fieldToText', () => {
  it.each([
    [undefined, ''],
    [null, ''],
    [3, '3'],
    [0.3, '0.3'],
    [[3, 5], '3, 5'],
    [[3, 3], '3'],
    [[0, 0], '0'],
    ['same', 'same'],
    ['relu', 'relu'],
    [true, 'true'],
    [false, 'false'],
  ])('%j -> %j', (value, text) => {
    expect(fieldToText(value)).toBe(text);
  });

  it('shows an array of any other length as a list', () => {
    expect(fieldToText([1, 2, 3])).toBe('1, 2, 3');
  });

  it('a pair shown as text reads back as the same window', () => {
    const side = fc.integer({ min: 0, max: 4096 });
    fc.assert(
      fc.property(side, side, (h, w) => {
        const back = textToField('pair', fieldToText([h, w]));
        expect(back).toEqual(h === w ? h : [h, w]);
        expect(textToField('padding', fieldToText([h, w]))).toEqual(back);
        expect(textToField('count', fieldToText(h))).toBe(h);
      }),
    );
  });
});
