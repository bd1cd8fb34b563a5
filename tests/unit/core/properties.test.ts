import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeNetwork, type NetworkReport } from '../../../src/core/analyze';
import { CATALOGUE } from '../../../src/core/catalogue';
import { formatReportTable, toArchJson } from '../../../src/core/report';

type Axis = readonly [number, number];

interface ConvSpec {
  readonly kind: 'conv2d';
  readonly filters: number;
  readonly kernel: Axis;
  readonly stride: Axis;
  readonly padding: Axis;
  readonly dilation: Axis;
  readonly bias: boolean;
}

interface PoolSpec {
  readonly kind: 'maxpool2d' | 'avgpool2d';
  readonly size: number;
  readonly stride: number;
  readonly padding: number;
}

type Spec = ConvSpec | PoolSpec;

const small = (min: number, max: number) => fc.integer({ min, max });
const axisPair = (min: number, max: number) => fc.tuple(small(min, max), small(min, max));

const convSpec: fc.Arbitrary<ConvSpec> = fc.record({
  kind: fc.constant('conv2d' as const),
  filters: small(1, 8),
  kernel: axisPair(1, 7),
  stride: axisPair(1, 4),
  padding: axisPair(0, 3),
  dilation: axisPair(1, 3),
  bias: fc.boolean(),
});

const poolSpec: fc.Arbitrary<PoolSpec> = small(1, 4).chain((size) =>
  fc.record({
    kind: fc.constantFrom('maxpool2d' as const, 'avgpool2d' as const),
    size: fc.constant(size),
    stride: small(1, 4),
    padding: small(0, Math.floor(size / 2)),
  }),
);

const stack = fc.record({
  input: fc.tuple(small(1, 48), small(1, 48), small(1, 4)),
  specs: fc.array(fc.oneof(convSpec, poolSpec), { minLength: 1, maxLength: 6 }),
});

function toDocument(spec: Spec): object {
  if (spec.kind === 'conv2d') {
    const { kind, ...fields } = spec;
    return { type: kind, ...fields };
  }
  return { type: spec.kind, size: spec.size, stride: spec.stride, padding: spec.padding };
}

interface Expected {
  shape: number[];
  params: number;
  macs: number;
  field: number[];
  jump: number[];
}

/**
 * The textbook arithmetic, written out independently of the core:
 * out = floor((W − K_eff + 2P)/S) + 1 with K_eff = d(k − 1) + 1, r += (K_eff − 1)·j, j *= S.
 */
function expectedStack(input: readonly number[], specs: readonly Spec[]) {
  let [h, w, c] = input as [number, number, number];
  let field = [1, 1];
  let jump = [1, 1];
  const layers: Expected[] = [];
  for (const [index, spec] of specs.entries()) {
    const conv = spec.kind === 'conv2d';
    const kernel = conv ? spec.kernel : [spec.size, spec.size];
    const stride = conv ? spec.stride : [spec.stride, spec.stride];
    const padding = conv ? spec.padding : [spec.padding, spec.padding];
    const dilation = conv ? spec.dilation : [1, 1];
    const eff = [0, 1].map((a) => dilation[a]! * (kernel[a]! - 1) + 1);
    const sizes = [h, w];
    const out = [0, 1].map((a) => {
      const room = sizes[a]! - eff[a]! + 2 * padding[a]!;
      return room < 0 ? null : Math.floor(room / stride[a]!) + 1;
    });
    if (out[0] === null || out[1] === null) return { layers, failedAt: index };
    const [oh, ow] = out as [number, number];
    const channels = conv ? spec.filters : c;
    const weights = conv ? kernel[0]! * kernel[1]! * c * spec.filters : 0;
    field = [0, 1].map((a) => field[a]! + (eff[a]! - 1) * jump[a]!);
    jump = [0, 1].map((a) => jump[a]! * stride[a]!);
    layers.push({
      shape: [oh, ow, channels],
      params: conv ? weights + (spec.bias ? spec.filters : 0) : 0,
      macs: oh * ow * weights,
      field,
      jump,
    });
    [h, w, c] = [oh, ow, channels];
  }
  return { layers, failedAt: null };
}

function expectCountsAreWhole(report: NetworkReport) {
  for (const n of [report.totalParams, report.totalMacs, report.totalState]) {
    expect(Number.isSafeInteger(n) && n >= 0).toBe(true);
  }
  for (const l of report.layers) {
    expect(Number.isSafeInteger(l.paramCount) && l.paramCount >= 0).toBe(true);
    expect(Number.isSafeInteger(l.macs) && l.macs >= 0).toBe(true);
  }
}

describe('random conv and pool stacks agree with the textbook formula', () => {
  it('output size, parameters, MACs and receptive field per layer', () => {
    fc.assert(
      fc.property(stack, ({ input, specs }) => {
        const report = analyzeNetwork({ input, layers: specs.map(toDocument) });
        const { layers, failedAt } = expectedStack(input, specs);
        layers.forEach((expected, i) => {
          const l = report.layers[i];
          expect(l?.outputShape).toEqual(expected.shape);
          expect(l?.paramCount).toBe(expected.params);
          expect(l?.macs).toBe(expected.macs);
          expect(l?.receptiveField?.size).toEqual(expected.field);
          expect(l?.receptiveField?.jump).toEqual(expected.jump);
        });
        if (failedAt === null) {
          expect(report.errors).toEqual([]);
          expect(report.ok).toBe(true);
        } else {
          // The layer whose window does not fit is the only error; nothing after it is computed.
          expect(report.errors).toHaveLength(1);
          expect(report.errors[0]).toMatchObject({ layerIndex: failedAt, field: 'kernel' });
          expect(report.errors[0]?.message).toContain('larger than its padded input');
          for (const l of report.layers.slice(failedAt)) expect(l.outputShape).toBeNull();
        }
        expectCountsAreWhole(report);
      }),
    );
  });

  it("'same' padding gives ceil(W / S) for any kernel, stride and dilation, and never fails", () => {
    fc.assert(
      fc.property(
        small(1, 64),
        small(1, 9),
        small(1, 5),
        small(1, 4),
        (size, kernel, stride, dilation) => {
          const report = analyzeNetwork({
            input: [size, size, 1],
            layers: [{ type: 'conv2d', filters: 1, kernel, stride, dilation, padding: 'same' }],
          });
          expect(report.errors).toEqual([]);
          expect(report.outputShape).toEqual([
            Math.ceil(size / stride),
            Math.ceil(size / stride),
            1,
          ]);
          expect(report.warnings).toEqual([]);
        },
      ),
    );
  });

  it('a window that does not tile its input warns exactly when (W − K + 2P) is not a multiple of S', () => {
    fc.assert(
      fc.property(small(3, 40), small(1, 5), small(1, 5), small(0, 2), (size, k, s, p) => {
        fc.pre(k <= size + 2 * p);
        const report = analyzeNetwork({
          input: [size, size, 1],
          layers: [{ type: 'conv2d', filters: 1, kernel: k, stride: s, padding: p }],
        });
        const uneven = (size - k + 2 * p) % s !== 0;
        expect(report.warnings.length > 0).toBe(uneven);
        expect(report.ok).toBe(true);
      }),
    );
  });
});

describe('parameter counts', () => {
  it('are non-negative whole numbers for random valid networks with a dense head', () => {
    fc.assert(
      fc.property(stack, small(1, 50), fc.boolean(), ({ input, specs }, units, bias) => {
        const layers = [
          ...specs.map(toDocument),
          { type: 'batchnorm' },
          { type: 'flatten' },
          { type: 'dense', units, bias },
        ];
        const report = analyzeNetwork({ input, layers });
        expectCountsAreWhole(report);
        if (report.ok) {
          const flat = report.layers.at(-2)?.outputShape?.[0] ?? 0;
          expect(report.layers.at(-1)?.paramCount).toBe(flat * units + (bias ? units : 0));
        }
      }),
    );
  });
});

describe('hostile documents', () => {
  it('analyzeNetwork never throws on arbitrary values, and reports why it is not ok', () => {
    fc.assert(
      fc.property(fc.anything(), (raw) => {
        const report = analyzeNetwork(raw);
        if (!report.ok) expect(report.errors.length).toBeGreaterThan(0);
        if (report.ok) expect(report.outputShape).not.toBeNull();
        expectCountsAreWhole(report);
        expect(() => toArchJson(report)).not.toThrow();
        expect(() => formatReportTable(report)).not.toThrow();
      }),
    );
  });

  it('arbitrary JSON values shaped like a network never throw', () => {
    const layer = fc.dictionary(
      fc.constantFrom('type', 'id', 'inputs', 'filters', 'kernel', 'stride', 'padding', 'units'),
      fc.oneof(
        fc.jsonValue(),
        fc.constantFrom('conv2d', 'dense', 'add', 'concat', 'flatten', 'same', 'input'),
        small(0, 9),
      ),
    );
    fc.assert(
      fc.property(
        fc.record({
          input: fc.oneof(fc.jsonValue(), fc.constant([8, 8, 1])),
          layers: fc.array(layer),
        }),
        (raw) => {
          const report = analyzeNetwork(raw);
          if (!report.ok) expect(report.errors.length).toBeGreaterThan(0);
          for (const d of report.diagnostics) {
            expect(d.message.length).toBeGreaterThan(0);
            if (d.layerIndex !== undefined) {
              expect(d.layerName).toBe(report.layers[d.layerIndex]?.name);
            }
          }
          expectCountsAreWhole(report);
        },
      ),
    );
  });

  it('one field of a catalogue network replaced by any JSON value never throws and is named', () => {
    const mutation = fc.record({
      entry: fc.constantFrom(...CATALOGUE),
      position: fc.nat(),
      field: fc.constantFrom(
        'type',
        'id',
        'inputs',
        'filters',
        'kernel',
        'stride',
        'size',
        'units',
      ),
      value: fc.jsonValue(),
    });
    fc.assert(
      fc.property(mutation, ({ entry, position, field, value }) => {
        const layers = entry.network.layers.map((l) => ({ ...l }));
        const index = position % layers.length;
        layers[index] = { ...layers[index], [field]: value } as (typeof layers)[number];
        const report = analyzeNetwork({ ...entry.network, layers });
        if (!report.ok) expect(report.errors.length).toBeGreaterThan(0);
        for (const e of report.errors) {
          if (e.layerIndex !== undefined) {
            expect(e.layerName).toBe(report.layers[e.layerIndex]?.name);
          }
        }
        expect(toArchJson(report).layers).toHaveLength(layers.length);
      }),
    );
  });

  it('a kernel that is not a whole number from 1 is always an error on the kernel field', () => {
    const badKernel = fc.oneof(
      fc.integer({ max: 0 }),
      fc.double({ noInteger: true }),
      fc.string(),
      fc.constant(null),
      fc.boolean(),
      fc.array(small(1, 3), { minLength: 3, maxLength: 4 }),
    );
    fc.assert(
      fc.property(badKernel, (kernel) => {
        const report = analyzeNetwork({
          input: [8, 8, 1],
          layers: [{ type: 'conv2d', filters: 1, kernel }],
        });
        expect(report.ok).toBe(false);
        expect(report.errors.map((e) => e.field)).toEqual(['kernel']);
        expect(report.errors[0]?.layerName).toBe('conv2d_1');
      }),
    );
  });
});
