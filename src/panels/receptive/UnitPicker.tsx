import { useMemo, useState, type KeyboardEvent, type MouseEvent, type PointerEvent } from 'react';
import type { Pair } from '../../core/shape';
import type { InspectionData } from '../../core/inspection';
import { useLabStore } from '../../state/store';
import { rangeOf } from '../../core/range';
import { clampUnit, moveUnit } from '../../viz/receptive/scene';
import { RangeLegend } from '../shared/RangeLegend';
import { FieldMapView, type Underlay } from './FieldMapView';
import type { FieldSelection } from './useFieldSelection';

type Unit = { readonly row: number; readonly col: number };

/** One channel of a layer's activation for the selected input, when the engine has reported it. */
export function channelOf(
  inspection: InspectionData | null,
  layerIndex: number,
  channel: number,
  size: Pair,
): Float32Array | null {
  const found = inspection?.activations.find((a) => a.layerIndex === layerIndex);
  const [h, w, c] = found?.shape ?? [];
  if (!found || h !== size[0] || w !== size[1] || !c || channel >= c) return null;
  const out = new Float32Array(h * w);
  for (let p = 0; p < h * w; p++) out[p] = found.data[p * c + channel] ?? 0;
  return out;
}

const cellRect = (u: Unit) => ({ x: u.col, y: u.row, width: 1, height: 1 });

/**
 * The chosen layer's feature map as a grid of units: click or tap a unit (on touch, slide
 * to it and lift), or focus the grid,
 * move with the arrow keys (Home, End, Page Up, Page Down jump to the edges) and press
 * Enter to choose the unit under the cursor.
 */
export function UnitPicker({ sel, size }: { readonly sel: FieldSelection; readonly size: Pair }) {
  const inspection = useLabStore((s) => s.inspection);
  const selectUnit = useLabStore((s) => s.selectUnit);
  const [cursor, setCursor] = useState<Unit | null>(null);
  const [focused, setFocused] = useState(false);
  const layerIndex = sel.layer?.index ?? 0;
  const here = cursor ? clampUnit(cursor, size) : sel.unit;
  const values = useMemo(
    () => channelOf(inspection, layerIndex, sel.channel, size),
    [inspection, layerIndex, sel.channel, size],
  );
  const underlay: Underlay | null = useMemo(
    () =>
      values
        ? {
            values,
            shape: { height: size[0], width: size[1], channels: 1 },
            range: rangeOf(values),
          }
        : null,
    [values, size],
  );
  const valueAt = (u: Unit) => values?.[u.row * size[1] + u.col];
  const choose = (u: Unit) => {
    setCursor(u);
    selectUnit(sel.channel, u);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      choose(here);
      return;
    }
    const next = moveUnit(here, e.key, size);
    if (next) {
      e.preventDefault();
      setCursor(next);
    }
  };
  const unitAt = (e: MouseEvent<HTMLDivElement>): Unit => {
    const box = e.currentTarget.getBoundingClientRect();
    const col = Math.floor(((e.clientX - box.left) / box.width) * size[1]);
    const row = Math.floor(((e.clientY - box.top) / box.height) * size[0]);
    return clampUnit({ row, col }, size);
  };
  const onClick = (e: MouseEvent<HTMLDivElement>) => choose(unitAt(e));
  // A finger hides the cell it is on and a 28×28 map's cells are 9 px: on touch the cursor
  // follows the finger (with its read-out) and lifting it chooses, so a person sees first.
  const [sliding, setSliding] = useState(false);
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.pointerType === 'mouse') return;
    e.currentTarget.setPointerCapture(e.pointerId);
    setSliding(true);
    setCursor(unitAt(e));
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    if (sliding) setCursor(unitAt(e));
  };
  const onPointerUp = (e: PointerEvent<HTMLDivElement>) => {
    if (!sliding) return;
    setSliding(false);
    choose(unitAt(e));
  };
  const value = valueAt(here);
  const name = sel.layer?.name ?? '';
  const moved = here.row !== sel.unit.row || here.col !== sel.unit.col;
  return (
    <figure className="unit-picker">
      <figcaption>
        <strong>{name}</strong> ({size[0]}×{size[1]}, channel {sel.channel}):{' '}
        {values ? 'its activation for the selected input' : 'its units'}
      </figcaption>
      <div
        className="unit-grid"
        tabIndex={0}
        role="application"
        aria-roledescription="unit grid"
        aria-label={`Units of ${name}, ${size[0]} rows by ${size[1]} columns. Arrow keys move the cursor, Enter chooses the unit.`}
        aria-describedby="unit-cursor-readout"
        data-testid="unit-grid"
        onKeyDown={onKeyDown}
        onClick={onClick}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={() => setSliding(false)}
        onFocus={() => setFocused(true)}
        onBlur={() => setFocused(false)}
      >
        <FieldMapView
          area={{ size, view: { top: 0, left: 0, bottom: size[0] - 1, right: size[1] - 1 } }}
          displaySize={260}
          underlay={underlay}
          label={`Feature map of ${name}; the chosen unit is row ${sel.unit.row}, column ${sel.unit.col}.`}
        >
          <rect className="chosen-cell" {...cellRect(sel.unit)} />
          {(focused || moved || sliding) && <rect className="cursor-cell" {...cellRect(here)} />}
        </FieldMapView>
      </div>
      {underlay?.range && <RangeLegend range={underlay.range} />}
      <p id="unit-cursor-readout" className="small" aria-live="polite">
        {focused || moved || sliding
          ? `Cursor: row ${here.row}, column ${here.col}${value === undefined ? '' : `, activation ${value.toFixed(2)}`}. ${sliding ? 'Lift to choose it.' : moved ? 'Enter chooses it.' : 'Chosen.'}`
          : 'Click or tap a unit, or focus the grid and use the arrow keys and Enter.'}
      </p>
    </figure>
  );
}
