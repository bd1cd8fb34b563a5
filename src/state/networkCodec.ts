import LZString from 'lz-string';

// A default import: lz-string is CommonJS, whose named exports Node's own ESM loader (the
// CLI under tsx) cannot see; the bundler and vitest read it either way.
const { compressToEncodedURIComponent } = LZString;
import type { NetworkDocument } from '../core/network';
import { readNetworkShape } from '../core/networkSchema';
import { decompressBounded } from './boundedLz';
import { MAX_PARAM_LENGTH, type Codec } from './codecs';

/** Largest network JSON a link may unpack to; guards against decompression bombs. */
const MAX_JSON_LENGTH = 200_000;

/**
 * A network document in a link: JSON, compressed with lz-string into URL-safe text.
 * Only what is shaped like a network document gets in (core/networkSchema.ts, with its
 * nesting bounded); the core's analysis then names its layers' errors, and the person may
 * open a network with errors anyway, to see them on their layers.
 */
export const networkCodec: Codec<NetworkDocument> = {
  encode: (network) => compressToEncodedURIComponent(JSON.stringify(network)),
  decode: (text) => {
    if (text.length > MAX_PARAM_LENGTH) {
      return {
        ok: false,
        reason: `the network in the link is too long (${text.length.toLocaleString('en-US')} characters)`,
      };
    }
    // Bounded: a 16,000-character value could otherwise unpack to tens of megabytes.
    const unpacked = decompressBounded(text, MAX_JSON_LENGTH);
    if (!unpacked.ok)
      return {
        ok: false,
        reason:
          unpacked.why === 'too long'
            ? 'the network in the link unpacks to too much data'
            : 'the network in the link is damaged (it could not be unpacked)',
      };
    const json = unpacked.text;
    let value: unknown;
    try {
      value = JSON.parse(json);
    } catch {
      return {
        ok: false,
        reason: 'the network in the link is damaged (it is not valid JSON); ask for the link again',
      };
    }
    const read = readNetworkShape(value);
    if (!read.ok) {
      return {
        ok: false,
        reason: `the network in the link is not a network document (${read.problem.replace(/\.$/, '')}); ask whoever sent it for a corrected link, or build the network in the architecture panel`,
      };
    }
    return { ok: true, value: read.network };
  },
};
