import { describe, expect, it } from 'vitest';
import { ownsKey } from '../../../src/app/keys';

/** Stand-ins for focused elements: the rule reads the tag, the input type and editability. */
const el = (tagName: string, type?: string) =>
  ({ tagName, type, isContentEditable: false }) as unknown as EventTarget;
const input = (type: string) => el('INPUT', type);

describe('which keys a focused control keeps', () => {
  it('text fields, text areas and list boxes keep every key', () => {
    for (const target of [input('text'), input('number'), el('TEXTAREA'), el('SELECT')])
      for (const key of ['0', 'PageDown', 's', ' ', 'ArrowRight'])
        expect(ownsKey(target, key), key).toBe(true);
  });

  it('a radio button keeps its arrows and Space, and lets PageDown and the panel keys through', () => {
    const radio = input('radio');
    for (const key of ['ArrowDown', 'ArrowRight', ' ']) expect(ownsKey(radio, key), key).toBe(true);
    for (const key of ['PageDown', 'PageUp', '0', '3', 'e'])
      expect(ownsKey(radio, key), key).toBe(false);
  });

  it('a slider keeps its arrows, Home, End and Page keys', () => {
    const range = input('range');
    for (const key of ['ArrowLeft', 'Home', 'End', 'PageDown'])
      expect(ownsKey(range, key)).toBe(true);
    expect(ownsKey(range, '0')).toBe(false);
  });

  it('a button or the page keeps nothing', () => {
    expect(ownsKey(el('BUTTON', 'submit'), 'PageDown')).toBe(false);
    expect(ownsKey(el('BODY'), '1')).toBe(false);
    expect(ownsKey(null, '1')).toBe(false);
  });
});
