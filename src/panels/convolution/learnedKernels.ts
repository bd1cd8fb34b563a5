import type { InspectionData } from '../../core/inspection';
import { kernelImage } from '../../viz/features';
import type { LearnedKernel } from './RealImageCard';

const MAX_FILTERS = 8;

/**
 * The first convolution's filters of the current network, from the engine's last
 * inspection, as single-filter kernels [kh, kw, in, 1] the real-image card can apply.
 */
export function learnedKernelsOf(inspection: InspectionData | null): LearnedKernel[] {
  const kernel = inspection?.weights.find((w) => w.role === 'kernel' && w.shape.length === 4);
  if (!kernel) return [];
  const bias = inspection?.weights.find(
    (w) => w.layerIndex === kernel.layerIndex && w.role === 'bias',
  );
  const [kh = 1, kw = 1, cin = 1, cout = 1] = kernel.shape;
  return Array.from({ length: Math.min(cout, MAX_FILTERS) }, (_, f) => {
    // The card convolves in float64; widening float32 weights is exact.
    const data = Float64Array.from(kernelImage(kernel.data, kernel.shape, f));
    return {
      label: `${kernel.name}, filter ${f + 1}`,
      kernel: { shape: [kh, kw, cin, 1], data },
      bias: bias?.data[f] ?? 0,
    };
  });
}
