/**
 * What the benchmark runs inside the lab's page. These are plain JavaScript strings, not
 * functions: tsx compiles functions with name helpers (`__name`) that do not exist in the
 * page, so a function handed to page.evaluate would fail there.
 *
 * The init script installs `window.__bench` before the lab's own scripts run:
 *  - a requestAnimationFrame loop that keeps every frame's timestamp while a window is open
 *    (frames per second, longest gap between frames);
 *  - a PerformanceObserver for 'longtask' entries (main-thread tasks over 50 ms);
 *  - a MutationObserver that notes the moment the shown step (`run-step`) changes, so the
 *    training rate is counted between two exact changes rather than between two polls;
 *  - a record of every validation accuracy the curves show (`readout-accuracy`), with its
 *    time, and of the run's phase;
 *  - once the validation accuracy first reaches the target, a test evaluation then and at
 *    each later validation until the test accuracy reaches the target too (each evaluation's
 *    time counts, as it would for a person pressing the button).
 */
export const BENCH_INIT_SCRIPT = String.raw`(() => {
  if (window.__bench) return;
  const text = (id) => {
    const el = document.querySelector('[data-testid="' + id + '"]');
    return el ? (el.textContent || '') : null;
  };
  const stepShown = () => Number((text('run-step') || '0').replace(/[^0-9]/g, '') || 0);
  const b = {
    open: false,
    t0: 0,
    frames: [],
    longTasks: [],
    stepMarks: [],
    validations: [],
    phases: [],
    playAt: null,
    lastStep: -1,
    lastValidation: '',
    lastPhase: '',
    target: null,
    targetTest: null,
    lastTest: '',
    tests: [],
    testHit: null,
  };
  const evaluateTest = () => {
    const button = document.querySelector('[data-testid="evaluate-test"]');
    if (button && !button.disabled) button.click();
  };
  const frame = (t) => {
    if (b.open) b.frames.push(t);
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) b.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch (e) {
    b.longTaskError = String(e);
  }
  const observe = () => {
    const now = performance.now();
    const step = stepShown();
    if (step !== b.lastStep) {
      b.lastStep = step;
      if (b.open) b.stepMarks.push({ t: now, step });
    }
    const status = document.querySelector('[data-testid="run-status"]');
    const phase = status ? status.getAttribute('data-phase') || '' : '';
    if (phase !== b.lastPhase) {
      b.lastPhase = phase;
      b.phases.push({ t: now, phase, step });
    }
    const test = text('test-accuracy') || '';
    if (test !== b.lastTest) {
      b.lastTest = test;
      if (test !== '' && b.playAt !== null && b.targetTest !== null) {
        const accuracy = Number.parseFloat(test) / 100;
        b.tests.push({ t: now - b.playAt, accuracy, step });
        if (b.testHit === null && accuracy >= b.target) b.testHit = { t: now - b.playAt, step, accuracy };
      }
    }
    const readout = document.querySelector('[data-testid="readout-accuracy"]');
    const v = readout ? readout.getAttribute('data-validation') || '' : '';
    if (v !== b.lastValidation) {
      b.lastValidation = v;
      if (v !== '' && b.playAt !== null) {
        const accuracy = Number(v);
        b.validations.push({ t: now - b.playAt, accuracy, step });
        if (b.target !== null && b.targetTest === null && accuracy >= b.target) {
          b.targetTest = { t: now - b.playAt, step, validation: accuracy };
        }
        // The test split at once at the step the target was first seen, then at each
        // validation until it reaches the target too.
        if (b.targetTest !== null && b.testHit === null) evaluateTest();
      }
    }
  };
  const start = () => {
    new MutationObserver(observe).observe(document.body, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
      attributeFilter: ['data-phase', 'data-validation'],
    });
    observe();
  };
  if (document.body) start();
  else document.addEventListener('DOMContentLoaded', start);

  b.begin = () => {
    b.frames = [];
    b.stepMarks = [{ t: performance.now(), step: stepShown(), atBegin: true }];
    b.t0 = performance.now();
    b.open = true;
    return b.t0;
  };
  b.end = () => {
    b.open = false;
    const t1 = performance.now();
    const t0 = b.t0;
    const frames = b.frames.filter((t) => t >= t0 && t <= t1);
    let maxGap = 0;
    for (let i = 1; i < frames.length; i++) maxGap = Math.max(maxGap, frames[i] - frames[i - 1]);
    const tasks = b.longTasks.filter((e) => e.start + e.duration > t0 && e.start < t1);
    const rateText = (text('run-status') || '').match(/([\d,]+) images\/s/);
    return {
      seconds: (t1 - t0) / 1000,
      frames: frames.length,
      maxFrameGapMs: maxGap,
      longTasks: tasks.map((e) => e.duration),
      marks: b.stepMarks.filter((m) => !m.atBegin),
      displayedRate: rateText ? Number(rateText[1].replace(/,/g, '')) : null,
      phase: b.lastPhase,
      longTaskError: b.longTaskError || null,
    };
  };
  /** Clicks play and notes the time, for the seconds-to-accuracy figure. */
  b.play = (target) => {
    b.validations = [];
    b.target = target;
    b.targetTest = null;
    b.tests = [];
    b.testHit = null;
    b.lastTest = text('test-accuracy') || '';
    b.playAt = performance.now();
    document.querySelector('[data-testid="play"]').click();
  };
  b.progress = () => ({
    t: b.playAt === null ? 0 : performance.now() - b.playAt,
    step: stepShown(),
    phase: b.lastPhase,
    validations: b.validations,
    targetTest: b.targetTest,
    testHit: b.testHit,
    tests: b.tests,
    testAccuracy: text('test-accuracy'),
    message: (document.querySelector('.run-controls p[role]') || {}).textContent || null,
  });
  /**
   * Clicks "Evaluate on the test split" and resolves with the milliseconds until the result
   * is on screen: the "Evaluating…" notice has come and gone and the accuracy is shown.
   */
  b.timeEvaluation = (timeoutMs) =>
    new Promise((resolve) => {
      const busy = () =>
        [...document.querySelectorAll('.run-controls p[role="status"]')].some((p) =>
          (p.textContent || '').includes('Evaluating on the test split'),
        );
      let seen = false;
      const t0 = performance.now();
      const done = (ok) => {
        observer.disconnect();
        clearTimeout(timer);
        resolve({ ok, ms: performance.now() - t0, accuracy: text('test-accuracy') });
      };
      const check = () => {
        if (busy()) seen = true;
        else if (seen && text('test-accuracy') !== null) done(true);
      };
      const observer = new MutationObserver(check);
      observer.observe(document.body, { subtree: true, childList: true, characterData: true });
      const timer = setTimeout(() => done(false), timeoutMs);
      document.querySelector('[data-testid="evaluate-test"]').click();
      check();
    });
  window.__bench = b;
})();`;
