import type { Codec } from './codecs';

/** Where the network view's animation stands: which pass, and at which layer. */
export interface PassStage {
  /** 'f' forward (input to loss), 'b' backward (loss to input). */
  readonly pass: 'f' | 'b';
  readonly layer: number;
}

export const DEFAULT_PASS_STAGE: PassStage = { pass: 'f', layer: 0 };

/** `f3` is the forward pass at layer 3, `b5` the backward pass at layer 5. */
export const passStageCodec: Codec<PassStage> = {
  encode: (s) => `${s.pass}${s.layer}`,
  decode: (text) => {
    const match = /^([fb])(\d{1,3})$/.exec(text);
    return match
      ? { ok: true, value: { pass: match[1] === 'b' ? 'b' : 'f', layer: Number(match[2]) } }
      : {
          ok: false,
          reason: `the pass stage must look like "f3" (forward, layer 3) or "b5" (backward, layer 5), not ${JSON.stringify(text.slice(0, 20))}`,
        };
  },
};
