#!/usr/bin/env node
// `npm test`: every check the project has, in order, then one closing line
// "N passed, N failed" counting the unit and browser tests. Exits non-zero if
// any step fails. Steps: format check, type check, lint, lessons check, unit
// tests, build, browser tests.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const steps = [
  { name: 'format check', cmd: 'npx', args: ['prettier', '--check', '.'] },
  { name: 'type check', cmd: 'npm', args: ['run', '-s', 'typecheck'] },
  { name: 'lint', cmd: 'npx', args: ['eslint', '.', '--max-warnings', '0'] },
  { name: 'lessons check', cmd: 'npm', args: ['run', '-s', 'lessons', '--', '--check'] },
  {
    name: 'unit tests',
    cmd: 'npx',
    args: [
      'vitest',
      'run',
      '--reporter=default',
      '--reporter=json',
      '--outputFile.json=test-results/unit.json',
    ],
    report: 'test-results/unit.json',
  },
  { name: 'build', cmd: 'npx', args: ['vite', 'build'] },
  {
    name: 'browser tests',
    cmd: 'npx',
    args: ['playwright', 'test'],
    report: 'test-results/e2e.json',
  },
];

/** Passed and failed counts from vitest's or Playwright's JSON report. */
function countsOf(file) {
  if (!existsSync(file)) return null;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  if (report.stats && 'expected' in report.stats) {
    return {
      passed: report.stats.expected,
      failed: report.stats.unexpected + (report.stats.flaky ?? 0),
      skipped: report.stats.skipped,
    };
  }
  return {
    passed: report.numPassedTests,
    failed: report.numFailedTests,
    skipped: report.numPendingTests + report.numTodoTests,
  };
}

rmSync('test-results/unit.json', { force: true });
rmSync('test-results/e2e.json', { force: true });
mkdirSync('test-results/screens', { recursive: true });
const totals = { passed: 0, failed: 0, skipped: 0 };
const failedSteps = [];
for (const step of steps) {
  console.log(`\n=== ${step.name}: ${step.cmd} ${step.args.join(' ')}`);
  const started = Date.now();
  const result = spawnSync(step.cmd, step.args, { stdio: 'inherit', env: process.env });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const ok = result.status === 0;
  console.log(`=== ${step.name}: ${ok ? 'ok' : 'FAILED'} (${seconds} s)`);
  if (step.report) {
    const counts = countsOf(step.report);
    if (counts) for (const k of Object.keys(totals)) totals[k] += counts[k] ?? 0;
  }
  if (!ok) {
    failedSteps.push(step.name);
    // A failed build leaves nothing for the browser tests to open.
    if (step.name === 'build') break;
  }
}
console.log('');
if (failedSteps.length) console.log(`Failed steps: ${failedSteps.join(', ')}`);
if (failedSteps.length && totals.failed === 0) totals.failed = failedSteps.length;
console.log(
  `${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`,
);
process.exit(failedSteps.length ? 1 : 0);
