import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import {
  choiceOf,
  choicesOf,
  flatChoices,
  numberFromInput,
  withCurrent,
} from '../../../src/panels/shared/choices';
import { NumberField, RangeField } from '../../../src/panels/shared/NumberField';
import { RadioField } from '../../../src/panels/shared/RadioField';
import { SelectField } from '../../../src/panels/shared/SelectField';

const noop = () => undefined;

describe('choices', () => {
  it('labels each value, by its own text unless told otherwise', () => {
    expect(choicesOf([1, 2])).toEqual([
      { value: 1, label: '1' },
      { value: 2, label: '2' },
    ]);
    expect(choicesOf(['a'], (v) => v.toUpperCase())).toEqual([{ value: 'a', label: 'A' }]);
  });

  it('finds the typed value a select reports as text, in groups too', () => {
    const items = [
      { value: 0.0001, label: 'tiny' },
      { label: 'group', choices: [{ value: 3, label: 'three' }] },
    ];
    expect(flatChoices(items).map((c) => c.value)).toEqual([0.0001, 3]);
    expect(choiceOf(items, String(0.0001))?.value).toBe(0.0001);
    expect(choiceOf(items, '3')?.value).toBe(3);
    expect(choiceOf(items, '4')).toBeNull();
  });

  it('keeps the current value among the usual ones, ascending and once', () => {
    expect(withCurrent([1, 8, 16], 8)).toEqual([1, 8, 16]);
    expect(withCurrent([1, 8, 16], 10)).toEqual([1, 8, 10, 16]);
    expect(withCurrent([0.01, 0.1], 0.003)).toEqual([0.003, 0.01, 0.1]);
  });

  it('reads a number box: an empty box means nothing unless the field says what', () => {
    expect(numberFromInput('12')).toBe(12);
    expect(numberFromInput('-0.5')).toBe(-0.5);
    expect(numberFromInput('1e-4')).toBe(0.0001);
    expect(numberFromInput('')).toBeNull();
    expect(numberFromInput('', 0)).toBe(0);
    expect(numberFromInput('1e999')).toBeNull();
  });
});

describe('field components', () => {
  it('SelectField: a label around its text and the list, groups as optgroups, notes after', () => {
    const html = renderToStaticMarkup(
      createElement(
        SelectField<number | string>,
        {
          label: 'Speed',
          value: 2,
          choices: [
            { value: 2, label: 'two' },
            { label: 'More', choices: [{ value: 'x', label: 'ex' }] },
          ],
          onChange: noop,
          testId: 'speed',
        },
        createElement('span', null, 'note'),
      ),
    );
    expect(html).toBe(
      '<label class="stacked">Speed<select data-testid="speed">' +
        '<option value="2" selected="">two</option>' +
        '<optgroup label="More"><option value="x">ex</option></optgroup>' +
        '</select><span>note</span></label>',
    );
  });

  it('SelectField: a hidden visible text and the accessible name it stands for', () => {
    const html = renderToStaticMarkup(
      createElement(SelectField<string>, {
        label: createElement('span', { 'aria-hidden': 'true' }, 'act'),
        className: 'field',
        title: 'help',
        value: 'relu',
        choices: choicesOf(['relu']),
        onChange: noop,
        ariaLabel: 'Layer 1: activation',
        ariaInvalid: false,
      }),
    );
    expect(html).toBe(
      '<label class="field" title="help"><span aria-hidden="true">act</span>' +
        '<select aria-label="Layer 1: activation" aria-invalid="false">' +
        '<option value="relu" selected="">relu</option></select></label>',
    );
  });

  it('NumberField and RangeField: the label, the box with its limits, then what follows', () => {
    expect(
      renderToStaticMarkup(
        createElement(NumberField, {
          label: 'Seed',
          value: 3,
          min: 0,
          className: 'field',
          inputClassName: 'seed-input',
          onChange: noop,
        }),
      ),
    ).toBe(
      '<label class="field">Seed<input type="number" min="0" class="seed-input" value="3"/></label>',
    );
    expect(
      renderToStaticMarkup(
        createElement(
          RangeField,
          { label: 'Shift', value: 2, min: 0, max: 6, step: 1, onChange: noop, disabled: true },
          createElement('output', null, '2 px'),
        ),
      ),
    ).toBe(
      '<label class="stacked">Shift<input type="range" min="0" max="6" step="1" disabled="" value="2"/>' +
        '<output>2 px</output></label>',
    );
  });

  it('RadioField: one radio a choice under the legend, the current one checked', () => {
    const html = renderToStaticMarkup(
      createElement(RadioField<string>, {
        legend: 'Pooling',
        name: 'pool-op',
        value: 'avg',
        choices: choicesOf(['max', 'avg']),
        onChange: noop,
      }),
    );
    expect(html).toBe(
      '<fieldset class="segmented-field"><legend>Pooling</legend>' +
        '<label><input type="radio" name="pool-op"/>max</label>' +
        '<label><input type="radio" name="pool-op" checked=""/>avg</label></fieldset>',
    );
  });
});
