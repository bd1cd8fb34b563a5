import { rangeOf } from '../../core/range';
import { channelOf } from '../../viz/features';
import { layerPicture, stripValues } from '../../viz/network/display';
import { MapCanvas } from './MapCanvas';
import { ValueLegend } from './ValueLegend';

interface Props {
  readonly shape: readonly number[];
  readonly data: ArrayLike<number>;
  /** Gradients use the diverging map centred on zero; activations grey (or diverging when signed). */
  readonly kind: 'activation' | 'gradient';
  /** What the picture shows, for screen readers and the legend. */
  readonly label: string;
  readonly maxThumbs?: number;
  /** Scale applied to the default thumbnail size. */
  readonly zoom?: number;
  /** Cells to outline, HWC like the data. */
  readonly mask?: Uint8Array | null;
  readonly maskColor?: string;
  readonly legend?: boolean;
}

/** One layer's values: the first channels as maps, or the units as a grid, with one colour key. */
export function TensorView(props: Props) {
  const { shape, data, kind, label, maxThumbs, zoom = 1, mask, maskColor, legend = true } = props;
  const picture = layerPicture(shape, maxThumbs);
  const shown: Float32Array[] =
    picture.kind === 'maps'
      ? Array.from({ length: picture.channels }, (_, c) => channelOf(data, shape, c))
      : [stripValues(data, picture.grid)];
  const masks: (Uint8Array | null)[] =
    picture.kind === 'maps'
      ? shown.map((_, c) => (mask ? Uint8Array.from(channelOf(mask, shape, c)) : null))
      : [mask ?? null];
  const all = new Float32Array(shown.reduce((n, v) => n + v.length, 0));
  shown.reduce(
    (at, v) => (
      all.set(
        v.map((x) => (Number.isNaN(x) ? 0 : x)),
        at,
      ),
      at + v.length
    ),
    0,
  );
  // Gradients always on the diverging map; activations only when they go below zero.
  const range = rangeOf(all, { symmetric: kind === 'gradient' ? 'always' : 'if-negative' });
  const diverging = range[0] < 0;
  const h = shape[0] ?? 1;
  const w = shape.length === 3 ? (shape[1] ?? 1) : 1;
  return (
    <div className="tensor-view">
      <div className="tensor-maps">
        {picture.kind === 'maps' ? (
          shown.map((values, c) => (
            <MapCanvas
              key={c}
              values={values}
              shape={{ height: h, width: w, channels: 1 }}
              width={zoom > 1 ? Math.max(96, Math.round(picture.size * zoom)) : picture.size}
              range={range}
              diverging={diverging}
              label={`${label}, channel ${c + 1} of ${picture.total}`}
              mask={masks[c] ?? null}
              {...(maskColor ? { maskColor } : {})}
            />
          ))
        ) : (
          <MapCanvas
            values={shown[0] ?? new Float32Array(0)}
            shape={picture.grid}
            width={Math.round(Math.min(112, picture.grid.width * 8) * zoom)}
            range={range}
            diverging={diverging}
            label={`${label}: ${picture.units} units, ${picture.grid.width} a row`}
            mask={masks[0] ?? null}
            {...(maskColor ? { maskColor } : {})}
          />
        )}
        {picture.kind === 'maps' && picture.total > picture.channels && (
          <span className="muted small">+{picture.total - picture.channels} more</span>
        )}
      </div>
      {legend && <ValueLegend range={range} diverging={diverging} />}
    </div>
  );
}
