import { useMemo } from 'react';
import { selectInputImage } from '../../state/selectedInput';
import { useLabStore } from '../../state/store';
import { rectSize, type IndexRect } from '../../viz/receptive/feeding';
import type { FieldMap } from '../../viz/receptive/scene';
import { FieldMapView, type Underlay } from './FieldMapView';

/** A number as printed: a true minus sign for negatives. */
export const signed = (n: number): string => (n < 0 ? `−${-n}` : String(n));
const span = (a: number, b: number) => (a === b ? signed(a) : `${signed(a)} to ${signed(b)}`);

/** "rows 6 to 21, columns 10 to 25" for a rectangle. */
export function rectText(rect: IndexRect): string {
  return `rows ${span(rect.top, rect.bottom)}, columns ${span(rect.left, rect.right)}`;
}

/** How many of a rectangle's positions fall in the padding, as words (or '' when none). */
export function paddingText(map: FieldMap, noun: string): string {
  const [h, w] = rectSize(map.rect);
  const total = h * w;
  const inside = map.inside ? rectSize(map.inside) : [0, 0];
  const outside = total - (inside[0] ?? 0) * (inside[1] ?? 0);
  return outside > 0 ? `${outside} of its ${total} ${noun} are zero padding (hatched).` : '';
}

/** The chosen unit's field on the selected input image, scaled up. */
export function InputField({ map }: { readonly map: FieldMap }) {
  const selected = useLabStore(selectInputImage);
  const underlay: Underlay | null = useMemo(() => {
    if (!selected.ok) return null;
    const { image } = selected;
    if (image.height !== map.size[0] || image.width !== map.size[1]) return null;
    const shape = { height: image.height, width: image.width, channels: image.channels };
    return { values: image.pixels, shape };
  }, [selected, map.size]);
  const [h, w] = rectSize(map.rect);
  const note = !selected.ok
    ? selected.reason
    : underlay
      ? `The selected input (${selected.image.description}).`
      : `The selected input is ${selected.image.height}×${selected.image.width}, but this network takes ${map.size[0]}×${map.size[1]}, so the field is drawn on an empty grid.`;
  return (
    <figure className="input-field">
      <figcaption>
        <strong>Its receptive field on the input</strong>: {h}×{w} pixels, {rectText(map.rect)}
      </figcaption>
      <FieldMapView
        area={map}
        displaySize={300}
        underlay={underlay}
        label={`Receptive field on the ${map.size[0]}×${map.size[1]} input: a ${h}×${w}-pixel rectangle, ${rectText(map.rect)}. ${paddingText(map, 'pixels')}`}
        testId="input-field"
      />
      <p className="small">
        {note} {paddingText(map, 'pixels')}
      </p>
    </figure>
  );
}

/**
 * Every feature map between the input and the chosen layer, small, with the units
 * that feed the chosen unit marked: the field traced back one layer at a time.
 */
export function LayerPath({ maps }: { readonly maps: readonly FieldMap[] }) {
  return (
    <ol className="layer-path" aria-label="The field traced back through the layers">
      {maps.map((map) => {
        const [h, w] = rectSize(map.rect);
        return (
          <li key={map.key} data-testid={`path-${map.name}`}>
            <FieldMapView
              area={map}
              displaySize={132}
              label={`${map.name}, ${map.size[0]}×${map.size[1]}: ${h}×${w} units feed the chosen unit, ${rectText(map.rect)}. ${paddingText(map, 'positions')}`}
            />
            <span className="path-name">{map.name}</span>
            <span className="small">
              {h}×{w} of {map.size[0]}×{map.size[1]}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
