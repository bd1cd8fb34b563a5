import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The layout's import rules as ESLint applies them to a file at a given place in src/.
const eslint = new ESLint({ cwd: path.resolve(__dirname, '../../..') });

async function layoutErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.resolve(`src/${file}`) });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'lab/layout-imports' || m.ruleId === 'no-restricted-imports')
    .map((m) => m.message);
}

describe('layout import rules', () => {
  it('reads a relative import by where it leads, not by its text', async () => {
    // From src/state/actions, "../panels" is state's own panel registry: allowed.
    expect(
      await layoutErrors(
        'state/actions/probe.ts',
        "import type { PanelId } from '../panels';\nexport type P = PanelId;\n",
      ),
    ).toEqual([]);
    // From src/state, "../panels" is the src/panels folder: refused.
    expect(
      await layoutErrors(
        'state/probe.ts',
        "import type { Props } from '../panels/shared/ImageCanvas';\nexport type P = Props;\n",
      ),
    ).toEqual(['src/state may not import from src/panels (README: layout and import rules).']);
  });

  it('keeps every folder to the folders the README allows', async () => {
    const refused = async (from: string, to: string) =>
      (await layoutErrors(`${from}/probe.ts`, `export * from '../${to}/x';\n`)).length > 0;
    expect(await refused('core', 'data')).toBe(true);
    expect(await refused('data', 'core')).toBe(false);
    expect(await refused('engine', 'state')).toBe(true);
    expect(await refused('viz', 'core')).toBe(false);
    expect(await refused('viz', 'state')).toBe(true);
    expect(await refused('panels', 'engine')).toBe(true);
    expect(await refused('panels', 'state')).toBe(false);
    expect(await refused('app', 'engine')).toBe(false);
  });

  it('never lets source import tests, or panels and state download', async () => {
    expect(
      await layoutErrors('cli/probe.ts', "export * from '../../tests/e2e/chromium';\n"),
    ).toEqual(['src/ may not import from tests/: move what both need into src (e.g. src/cli).']);
    expect(
      await layoutErrors('panels/x/probe.ts', "export { loadDataset } from '../../data/loader';\n"),
    ).toHaveLength(1);
    expect(
      await layoutErrors('state/probe.ts', "export { loadDataset } from '../data/loader';\n"),
    ).toHaveLength(1);
    expect(
      await layoutErrors('state/probe.ts', "export type { LoaderDeps } from '../data/loader';\n"),
    ).toEqual([]);
    expect(
      await layoutErrors('panels/x/probe.ts', "export const l = () => import('../../app/App');\n"),
    ).toHaveLength(1);
  });

  it('keeps libraries out of the layers that must not use them', async () => {
    expect(await layoutErrors('viz/probe.ts', "export { select } from 'd3';\n")).toEqual([]);
    expect(await layoutErrors('core/probe.ts', "export { select } from 'd3';\n")).toHaveLength(1);
    expect(
      await layoutErrors(
        'core/probe.ts',
        "import { select } from 'd3';\nexport const s = select;\n",
      ),
    ).toHaveLength(1);
  });
});
