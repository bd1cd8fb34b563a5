import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ActionButton } from '../../../src/panels/shared/ActionButton';
import { openPanelActionId } from '../../../src/state/actions/panelActions';

// Rendered on the server the store is in its first state: no engine, so no controls yet.
const render = (props: Parameters<typeof ActionButton>[0]) =>
  renderToStaticMarkup(createElement(ActionButton, props));

describe('ActionButton', () => {
  it('is off while its action is (no engine yet), with its label and test id', () => {
    expect(
      render({ action: 'training.evaluate-test', testId: 'evaluate-test', children: 'Evaluate' }),
    ).toBe('<button type="button" disabled="" data-testid="evaluate-test">Evaluate</button>');
  });

  it('is on when its action is, unless the panel adds a reason to stay off', () => {
    // Opening a panel needs no engine, so that action is enabled from the start.
    const open = { action: openPanelActionId('training'), children: 'Training' };
    expect(render(open)).toBe('<button type="button">Training</button>');
    expect(render({ ...open, disabled: true })).toBe(
      '<button type="button" disabled="">Training</button>',
    );
  });

  it('is off for an id no action has', () => {
    expect(render({ action: 'no.such-action', children: 'x' })).toContain('disabled=""');
  });
});
