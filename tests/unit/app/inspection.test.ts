import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createEngineBridge } from '../../../src/app/engine/bridge';
import { createInspection, sampleRequestOf } from '../../../src/app/engine/inspection';
import type { InspectionData } from '../../../src/core/inspection';
import { useLabStore } from '../../../src/state/store';
import { createFakeEngine, inspectionAt, type FakeEngine } from './fakeEngine';

const initial = useLabStore.getState();
const store = () => useLabStore.getState();
const drawing = { height: 28, width: 28, channels: 1, pixels: new Uint8Array(784).fill(7) };

let engine: FakeEngine;
let shown: (InspectionData | null)[];
let stopWatching: () => void;

async function inspectionOverFake() {
  const bridge = createEngineBridge({
    connect: () => ({ api: engine, terminate: () => undefined }),
    initialise: async () => undefined,
    onCrash: () => undefined,
  });
  await bridge.start();
  return createInspection({ store: useLabStore, bridge, isSetUp: () => true });
}

beforeEach(() => {
  useLabStore.setState(initial, true);
  store().selectOwnImage(drawing);
  engine = createFakeEngine();
  shown = [];
  stopWatching = useLabStore.subscribe((s, previous) => {
    if (s.inspection !== previous.inspection) shown.push(s.inspection);
  });
});

afterEach(() => stopWatching());

describe('sampleRequestOf', () => {
  it('sends the person’s own image as pixels and a dataset image as its index', () => {
    const own = sampleRequestOf(store());
    expect(own).toEqual({
      source: 'own',
      pixels: drawing.pixels,
      height: 28,
      width: 28,
      channels: 1,
    });
    store().selectSample({ source: 'test', index: 3 });
    // The test split is not loaded in a unit test, so there is no dataset image to send.
    expect(sampleRequestOf(store())).toBeNull();
  });
});

describe('the selected input’s inspection', () => {
  it('never shows a reply that a newer request overtook', async () => {
    const inspection = await inspectionOverFake();
    const first = inspection.predictSelected();
    await vi.waitFor(() => expect(engine.inspections).toHaveLength(1));
    const second = inspection.predictSelected();
    const late = inspectionAt(1);
    engine.inspections[0]!.reply.resolve(late);
    await vi.waitFor(() => expect(engine.inspections).toHaveLength(2));
    const newest = inspectionAt(2);
    engine.inspections[1]!.reply.resolve(newest);
    await Promise.all([first, second]);
    expect(store().inspection).toBe(newest);
    expect(shown).not.toContain(late);
    expect(store().run.probabilities).toEqual([0.25, 0.75]);
  });

  it('sends only the newest of requests made before any reached the engine', async () => {
    const inspection = await inspectionOverFake();
    engine.autoInspect = true;
    await Promise.all([1, 2, 3].map(() => inspection.predictSelected()));
    expect(engine.inspections).toHaveLength(1);
    expect(store().inspection?.step).toBe(1);
  });

  it('skips a queued request that a newer one superseded', async () => {
    const inspection = await inspectionOverFake();
    const first = inspection.predictSelected();
    await vi.waitFor(() => expect(engine.inspections).toHaveLength(1));
    const requests = [first, inspection.predictSelected(), inspection.predictSelected()];
    engine.inspections[0]!.reply.resolve(inspectionAt(1));
    await vi.waitFor(() => expect(engine.inspections).toHaveLength(2));
    const newest = inspectionAt(3);
    engine.inspections[1]!.reply.resolve(newest);
    await Promise.all(requests);
    // The middle request never reached the engine.
    expect(engine.inspections).toHaveLength(2);
    expect(store().inspection).toBe(newest);
  });

  it('keeps the page cleared when the input went away while a reply was on its way', async () => {
    const inspection = await inspectionOverFake();
    const asked = inspection.predictSelected();
    await vi.waitFor(() => expect(engine.inspections).toHaveLength(1));
    store().selectSample({ source: 'test', index: 0 });
    await inspection.predictSelected();
    engine.inspections[0]!.reply.resolve(inspectionAt(1));
    await asked;
    expect(store().inspection).toBeNull();
    expect(shown).toEqual([]);
  });

  it('drops the error of an overtaken request instead of clearing the newer reply', async () => {
    const inspection = await inspectionOverFake();
    const first = inspection.predictSelected();
    await vi.waitFor(() => expect(engine.inspections).toHaveLength(1));
    const second = inspection.predictSelected();
    engine.inspections[0]!.reply.reject(new Error('the model was rebuilt'));
    await vi.waitFor(() => expect(engine.inspections).toHaveLength(2));
    const newest = inspectionAt(2);
    engine.inspections[1]!.reply.resolve(newest);
    await Promise.all([first, second]);
    expect(shown).toEqual([newest]);
  });
});
