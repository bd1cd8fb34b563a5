/**
 * Parts of the lab a lesson step or an exercise link hides, so only what matters shows (as
 * TensorFlow Playground's `_hide` flags let a course remove distractions). One list: the
 * link codec, the lesson validator, the exercise editor's checkboxes and the components
 * that hide themselves all read it.
 */
import type { Codec } from './codecs';

export const HIDEABLE = ['navigation', 'hyper-parameters', 'network-editor', 'curves'] as const;
export type Hideable = (typeof HIDEABLE)[number];

/** What each flag hides, in the words the exercise editor and the "hidden" bar use. */
export const HIDEABLE_LABELS: Readonly<Record<Hideable, string>> = {
  navigation: 'the panel navigation',
  'hyper-parameters': 'the training hyper-parameters',
  'network-editor': 'the network editor',
  curves: 'the learning curves',
};

/** A comma-separated list of hide flags, each once, in the table's order: `hide=curves,navigation`. */
export const hideCodec: Codec<readonly Hideable[]> = {
  encode: (flags) => HIDEABLE.filter((f) => flags.includes(f)).join(','),
  decode: (text) => {
    if (text === '') return { ok: true, value: [] };
    const names = text.split(',');
    const unknown = names.filter((n) => !(HIDEABLE as readonly string[]).includes(n));
    if (unknown.length > 0 || names.length > HIDEABLE.length * 2)
      return {
        ok: false,
        reason: `the parts to hide must be among ${HIDEABLE.join(', ')}, not ${JSON.stringify(unknown.join(',').slice(0, 30))}`,
      };
    return { ok: true, value: HIDEABLE.filter((f) => names.includes(f)) };
  },
};
