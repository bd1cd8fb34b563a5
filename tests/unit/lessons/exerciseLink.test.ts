import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeEach, describe, expect, it } from 'vitest';
import { catalogueEntryOf } from '../../../src/core/catalogue';
import { CHECKERS } from '../../../src/lessons/checkers';
import { liveContext } from '../../../src/lessons/runner';
import { ExerciseEditorForm } from '../../../src/panels/lessons/ExerciseEditorForm';
import '../../../src/panels/lessons/ExerciseEditor';
import {
  exerciseLinkFragment,
  newDraft,
  refOf,
  reviewDraft,
  suggestedParams,
  withChecker,
  withParam,
  type ExerciseDraft,
} from '../../../src/panels/lessons/exerciseDraft';
import { useExerciseEditor } from '../../../src/panels/lessons/exerciseEditorStore';
import { MAKE_EXERCISE_LINK } from '../../../src/panels/lessons/exerciseLinkActions';
import {
  LinkedExerciseCard,
  LinkedExerciseView,
} from '../../../src/panels/lessons/LinkedExerciseView';
import { labActions, performAction } from '../../../src/state/actions/registry';
import { searchActions } from '../../../src/state/actions/search';
import { exerciseLinkCodec, type LinkedExercise } from '../../../src/state/exerciseLinkCodec';
import { HIDEABLE } from '../../../src/state/hidden';
import { defaultSettings, presetNetwork } from '../../../src/state/settings';
import { useLabStore } from '../../../src/state/store';
import { decodeSettings } from '../../../src/state/url';
import { ctxWith } from './helpers';

const lenet = () =>
  ctxWith({ presetId: 'lenet5', network: presetNetwork('lenet5'), selectedLayer: 0 });
const draftOn = (checkerId: string, changes: Partial<ExerciseDraft> = {}): ExerciseDraft => ({
  ...withChecker(newDraft(lenet()), checkerId, lenet()),
  question: 'Do it.',
  ...changes,
});

/**
 * Renders the linked exercise card. (The view itself reads the store, which a server
 * render sees in its initial state, so the card is rendered with the exercise directly.)
 */
const card = (exercise: LinkedExercise): string =>
  renderToStaticMarkup(createElement(LinkedExerciseCard, { exercise }));

const HOSTILE = [
  '# Hi <script>alert(1)</script>',
  '<img src=x onerror="alert(2)"> <iframe src="http://203.0.113.9/"></iframe>',
  '![pixel](http://203.0.113.9/p.gif) [go](javascript:alert(3)) [lab](#v=1&preset=vgg16)',
  '<a href="http://203.0.113.9" onclick="alert(4)">x</a> $\\href{javascript:alert(5)}{y}$',
].join('\n\n');

/** Every tag and attribute name the HTML holds (what a browser would parse out of it). */
function tagsAndAttributes(html: string) {
  const tags = [...html.matchAll(/<([a-zA-Z][\w-]*)/g)].map((m) => (m[1] ?? '').toLowerCase());
  const attributes = [...html.matchAll(/<[a-zA-Z][^>]*>/g)].flatMap((m) =>
    [...m[0].matchAll(/\s([a-zA-Z-:]+)=/g)].map((a) => (a[1] ?? '').toLowerCase()),
  );
  return { tags: new Set(tags), attributes: new Set(attributes) };
}

beforeEach(() => {
  useLabStore.setState({
    ...defaultSettings(),
    presetId: 'lenet5',
    network: presetNetwork('lenet5'),
  });
});

describe('the exercise editor draft', () => {
  it('starts each field from the lab: the selected layer, its shape and the parameter count', () => {
    const ctx = lenet();
    expect(suggestedParams(CHECKERS.get('layer-output-shape')!, ctx)).toEqual({
      layer: 'conv2d_1',
      h: '28',
      w: '28',
      c: '6',
    });
    expect(suggestedParams(CHECKERS.get('param-count-at-most')!, ctx)).toEqual({
      max: '61706',
      layer: '',
    });
    const setting = suggestedParams(CHECKERS.get('setting-equals')!, ctx);
    expect(setting).toEqual({ setting: 'opt', value: ctx.settings.optimizer });
  });

  it('gives every checker of the library fields that make a valid check, on several networks', () => {
    for (const preset of ['lenet5', 'mlp', 'resnet-mini', 'conv-example']) {
      expect(catalogueEntryOf(preset), preset).toBeDefined();
      const ctx = ctxWith({ presetId: preset, network: presetNetwork(preset), selectedLayer: 0 });
      for (const id of CHECKERS.keys()) {
        const draft = { ...withChecker(newDraft(ctx), id, ctx), question: 'Go.' };
        const review = reviewDraft(draft);
        expect(review.ok ? [] : review.problems, `${preset} ${id}`).toEqual([]);
      }
    }
  });

  it('turns number fields into numbers, leaves empty optional ones out, and keeps layer names', () => {
    const draft = draftOn('param-count-at-most', { params: { max: ' 20000 ', layer: '' } });
    expect(refOf(draft)).toEqual({ id: 'param-count-at-most', params: { max: 20000 } });
    const named = draftOn('layer-output-shape', {
      params: { layer: 'conv2d_1', h: '14', w: '14', c: '6' },
    });
    expect(refOf(named).params).toEqual({ layer: 'conv2d_1', h: 14, w: 14, c: 6 });
    expect(refOf({ ...named, params: { ...named.params, layer: '-1' } }).params.layer).toBe(-1);
  });

  it('says what is missing or wrong before there is a link', () => {
    const empty = reviewDraft(draftOn('layer-output-shape', { question: '  ' }));
    expect(empty.ok ? [] : empty.problems).toEqual(['Write the question the learner will read.']);
    const long = reviewDraft(draftOn('training-diverged', { question: 'x'.repeat(4_050) }));
    expect(long.ok ? [] : long.problems).toEqual([
      'The question is 4,050 characters long; a link carries at most 4,000, so shorten it by 50.',
    ]);
    const absurd = reviewDraft(
      draftOn('layer-output-shape', { params: { layer: '1000000000', h: '', w: 'abc', c: '2.5' } }),
    );
    expect(absurd.ok).toBe(false);
    expect(absurd.ok ? [] : absurd.problems).toEqual([
      "layer-output-shape: layer (the layer's index (0 is the first, −1 the last) or name) must be at most 499, not 1000000000.",
      'layer-output-shape: h (output height) is missing.',
      'layer-output-shape: w (output width) must be a number, not "abc".',
      'layer-output-shape: c (output channels) must be a whole number, not 2.5.',
    ]);
  });

  it('starts from the exercise the lab shows, so an opened link can be revised', () => {
    const exercise: LinkedExercise = {
      question: 'Grow it.',
      check: { id: 'receptive-field-at-least', params: { layer: -1, size: 20 } },
    };
    const ctx = ctxWith({
      presetId: 'lenet5',
      network: presetNetwork('lenet5'),
      exercise,
      hide: ['curves'],
    });
    expect(newDraft(ctx)).toMatchObject({
      question: 'Grow it.',
      checkerId: 'receptive-field-at-least',
      params: { layer: '-1', size: '20' },
      hide: ['curves'],
    });
    const broken = { ...exercise, check: { id: 'nope', params: {} } };
    expect(newDraft({ ...ctx, settings: { ...ctx.settings, exercise: broken } }).question).toBe('');
  });

  it('fills the value of setting-equals with the lab’s own when the setting changes', () => {
    const ctx = ctxWith({ learningRate: 0.05 });
    const draft = withParam(draftOn('setting-equals'), 'setting', 'lr', ctx);
    expect(draft.params).toEqual({ setting: 'lr', value: '0.05' });
    expect(reviewDraft(draft).task).toBe('Set the learning rate to "0.05".');
  });

  it('makes a link that reopens as the instructor’s lab with the exercise, the hide flags and the panel', () => {
    const draft = draftOn('layer-output-shape', {
      params: { layer: 'conv2d_1', h: '14', w: '14', c: '6' },
      hide: ['curves', 'navigation'],
      panel: 'receptive',
    });
    const review = reviewDraft(draft);
    if (!review.ok) throw new Error(review.problems.join(' '));
    expect(review.task).toBe('Change the network so conv2d_1 outputs 14×14×6.');
    const settings = { ...lenet().settings, seed: 7 };
    const decoded = decodeSettings(exerciseLinkFragment(settings, review.exercise, draft));
    expect(decoded.problems).toEqual([]);
    expect(decoded.settings.exercise).toEqual(review.exercise);
    expect(decoded.settings.hide).toEqual(['navigation', 'curves']);
    expect(decoded.settings.panel).toBe('receptive');
    expect(decoded.settings.seed).toBe(7);
    expect(decoded.settings.presetId).toBe('lenet5');
  });
});

describe('the editor form', () => {
  it('labels every field and offers every checker and every hide flag', () => {
    const html = renderToStaticMarkup(createElement(ExerciseEditorForm));
    const ids = [...html.matchAll(/<(?:input|select|textarea)\b[^>]*\bid="([^"]+)"/g)].map(
      (m) => m[1],
    );
    expect(ids.length).toBeGreaterThan(5);
    for (const id of ids) expect(html, `a label for ${id}`).toContain(`for="${id}"`);
    const checkboxes = [...html.matchAll(/<label class="ee-check"><input type="checkbox"/g)];
    expect(checkboxes).toHaveLength(HIDEABLE.length);
    for (const checker of CHECKERS.values()) expect(html).toContain(`value="${checker.id}"`);
    expect(html).toContain('0 of 4,000 characters');
  });
});

describe('the linked exercise card', () => {
  it('shows nothing without an exercise', () => {
    expect(useLabStore.getInitialState().exercise).toBeNull();
    expect(renderToStaticMarkup(createElement(LinkedExerciseView))).toBe('');
  });

  it('shows the question, the task and Check my lab for a valid reference', () => {
    const html = card({
      question: 'Shrink **conv1**.',
      check: { id: 'layer-output-shape', params: { layer: 0, h: 14, w: 14, c: 6 } },
    });
    expect(html).toContain('<strong>conv1</strong>');
    expect(html).toContain('Change the network so layer 1 outputs 14×14×6.');
    expect(html).toContain('Check my lab');
    expect(html).not.toContain('role="alert"');
  });

  it('keeps a hostile question as text: no script, image, frame, link, handler or address', () => {
    const html = card({ question: HOSTILE, check: { id: 'training-diverged', params: {} } });
    const { tags, attributes } = tagsAndAttributes(html);
    for (const tag of ['script', 'img', 'iframe', 'a', 'object', 'embed', 'style', 'h1'])
      expect(tags.has(tag), tag).toBe(false);
    expect(
      [...attributes].filter((a) => a.startsWith('on') || a === 'src' || a === 'href'),
    ).toEqual([]);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('<h3>Hi');
    // The TeX source stays as text in KaTeX's annotation; no attribute holds an address.
    expect(html).not.toMatch(/="[^"]*javascript:/i);
    expect(html).toContain('Check my lab');
  });

  it('refuses to check an unknown checker or absurd parameters, and says why', () => {
    const unknown = card({ question: 'Hi', check: { id: 'rm-rf', params: {} } });
    expect(unknown).toContain('role="alert"');
    expect(unknown).toContain('This exercise link cannot be checked:');
    expect(unknown).toContain('There is no checker &quot;rm-rf&quot;');
    expect(unknown).not.toContain('Check my lab');
    const absurd = card({
      question: 'Hi',
      check: { id: 'receptive-field-at-least', params: { layer: 1e9, size: 'NaN' } },
    });
    expect(absurd).toContain('must be at most 499, not 1000000000');
    expect(absurd).toContain(
      'size (the smallest field side, in input pixels) must be a number, not &quot;NaN&quot;',
    );
    expect(absurd).not.toContain('Check my lab');
  });

  it('shows what a decoded hostile link carries as the same inert card', () => {
    const text = exerciseLinkCodec.encode({
      question: HOSTILE,
      check: { id: 'layer-output-shape', params: { layer: 'conv2d_1', h: 'x', w: 1, c: 1 } },
    });
    const decoded = exerciseLinkCodec.decode(text);
    if (!decoded.ok || !decoded.value) throw new Error('expected an exercise');
    const html = card(decoded.value);
    expect(tagsAndAttributes(html).tags.has('script')).toBe(false);
    expect(html).toContain('h (output height) must be a number, not &quot;x&quot;');
  });
});

describe('the make-exercise-link action', () => {
  it('is in the palette under Lessons, without a key, and opens the editor from any panel', () => {
    const action = labActions().find((a) => a.id === MAKE_EXERCISE_LINK);
    expect(action?.group).toBe('Lessons');
    expect(action?.key).toBeUndefined();
    expect(searchActions(labActions(), 'exercise link')[0]?.id).toBe(MAKE_EXERCISE_LINK);
    expect(searchActions(labActions(), 'assign homework').map((a) => a.id)).toContain(
      MAKE_EXERCISE_LINK,
    );
    useLabStore.setState({ panel: 'training' });
    expect(useExerciseEditor.getState().open).toBe(false);
    expect(performAction(MAKE_EXERCISE_LINK)).toBe(true);
    expect(useExerciseEditor.getState().open).toBe(true);
    useExerciseEditor.getState().close();
  });

  it('checks the live lab with the store’s figures', () => {
    const ctx = liveContext(useLabStore.getState());
    expect(ctx.report.totalParams).toBe(61_706);
  });
});
