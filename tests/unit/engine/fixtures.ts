import { createRandom } from '../../../src/core/random';
import type { ImageSet } from '../../../src/data/types';

/**
 * A synthetic, MNIST-like problem: class k is a bright 6×6 square at its own place on a
 * 4×3 grid, jittered by up to 2 pixels, on Gaussian noise. Easy to learn, but only for a
 * network that really trains.
 */
export function syntheticDigits(count: number, seed: string, size = 28, classes = 10): ImageSet {
  const random = createRandom(seed);
  const labels = new Uint8Array(count);
  const images = new Uint8Array(count * size * size);
  const cell = Math.floor(size / 4);
  for (let n = 0; n < count; n++) {
    const label = random.int(classes);
    labels[n] = label;
    const top = Math.floor(label / 4) * cell + random.int(5) - 2 + 1;
    const left = (label % 4) * cell + random.int(5) - 2 + 1;
    for (let y = 0; y < size; y++) {
      for (let x = 0; x < size; x++) {
        const inside = y >= top && y < top + 6 && x >= left && x < left + 6;
        const value = (inside ? 200 : 30) + random.normal(0, 25);
        images[n * size * size + y * size + x] = Math.max(0, Math.min(255, Math.round(value)));
      }
    }
  }
  return { count, height: size, width: size, channels: 1, classCount: classes, labels, images };
}
