import { useEffect, useId, useRef, type CSSProperties, type ReactNode } from 'react';
import type { Pair } from '../../core/shape';
import type { IndexRect } from '../../viz/receptive/feeding';
import { drawImage, type ImageShape, type ValueRange } from '../../viz/images';

/** Pixels drawn under the map: an image, a feature map or a heat map. */
export interface Underlay {
  readonly values: ArrayLike<number>;
  readonly shape: ImageShape;
  readonly range?: ValueRange;
  readonly diverging?: boolean;
}

/** Where a map is and what of it is drawn (a FieldMap of the scene is one). */
export interface MapArea {
  /** [height, width] of the map in units (pixels for the input). */
  readonly size: Pair;
  /** The area shown, in unit coordinates; may reach past the map into the padding. */
  readonly view: IndexRect;
  /** The units that feed the chosen unit, padding included. */
  readonly rect?: IndexRect | null;
  readonly padding?: readonly IndexRect[];
}

interface Props {
  readonly area: MapArea;
  /** Longest displayed side in CSS pixels at the normal type size (it grows with large type). */
  readonly displaySize: number;
  readonly underlay?: Underlay | null;
  /** Outline only (for heat maps, whose colours must stay readable). */
  readonly outlineOnly?: boolean;
  readonly label: string;
  readonly testId?: string;
  /** Extra SVG drawn on top, in unit coordinates (cursor, chosen cell). */
  readonly children?: ReactNode;
}

const widthOf = (r: IndexRect) => r.right - r.left + 1;
const heightOf = (r: IndexRect) => r.bottom - r.top + 1;

/** Grid lines between units, as one path, when the map is small enough for them to help (not over pictures). */
function gridPath(size: Pair, limit: number): string {
  if (Math.max(size[0], size[1]) > limit) return '';
  const parts: string[] = [];
  for (let r = 1; r < size[0]; r++) parts.push(`M0 ${r}H${size[1]}`);
  for (let c = 1; c < size[1]; c++) parts.push(`M${c} 0V${size[0]}`);
  return parts.join('');
}

function UnderlayCanvas({ underlay, style }: { underlay: Underlay; style: CSSProperties }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    drawImage(ref.current, underlay.values, underlay.shape, {
      ...(underlay.range ? { range: underlay.range } : {}),
      diverging: Boolean(underlay.diverging),
    });
  }, [underlay]);
  return <canvas ref={ref} className="pixel-canvas field-underlay" style={style} aria-hidden />;
}

/**
 * A feature map (or the input) with the units feeding the chosen unit marked: the
 * map's own area, the zero padding around it in grey, the field filled and outlined,
 * and the part of the field that falls into the padding hatched.
 */
export function FieldMapView(props: Props) {
  const { displaySize, underlay, outlineOnly } = props;
  const { size, view, rect, padding = [] } = props.area;
  const hatchId = `hatch-${useId().replace(/[^\w-]/g, '')}`;
  const vw = widthOf(view);
  const vh = heightOf(view);
  const pxPerUnit = displaySize / Math.max(vw, vh);
  const hatch = 7 / pxPerUnit;
  const pct = (v: number, total: number) => `${(v / total) * 100}%`;
  const underlayStyle = {
    left: pct(-view.left, vw),
    top: pct(-view.top, vh),
    width: pct(size[1], vw),
    height: pct(size[0], vh),
  };
  const box = (r: IndexRect) => ({ x: r.left, y: r.top, width: widthOf(r), height: heightOf(r) });
  return (
    <div
      className="field-map"
      style={{ width: `${(vw * pxPerUnit) / 16}rem`, height: `${(vh * pxPerUnit) / 16}rem` }}
      role="img"
      aria-label={props.label}
      data-testid={props.testId}
      data-top={rect?.top}
      data-left={rect?.left}
      data-bottom={rect?.bottom}
      data-right={rect?.right}
    >
      {underlay && <UnderlayCanvas underlay={underlay} style={underlayStyle} />}
      <svg
        className="field-svg"
        viewBox={`${view.left} ${view.top} ${vw} ${vh}`}
        preserveAspectRatio="none"
        aria-hidden="true"
      >
        <defs>
          <pattern
            id={hatchId}
            patternUnits="userSpaceOnUse"
            width={hatch}
            height={hatch}
            patternTransform="rotate(45)"
          >
            <rect width={hatch} height={hatch} className="hatch-back" />
            <line x1={0} y1={0} x2={0} y2={hatch} className="hatch-line" />
          </pattern>
        </defs>
        <path
          className="padding-area"
          fillRule="evenodd"
          d={`M${view.left} ${view.top}h${vw}v${vh}h${-vw}Z M0 0V${size[0]}H${size[1]}V0Z`}
        />
        {!underlay && <rect className="map-area" x={0} y={0} width={size[1]} height={size[0]} />}
        <path className="grid-lines" d={gridPath(size, underlay ? 12 : 32)} />
        <rect className="map-edge" x={0} y={0} width={size[1]} height={size[0]} />
        {rect && (
          <rect
            className={
              outlineOnly
                ? 'field-fill outline-only'
                : underlay
                  ? 'field-fill on-picture'
                  : 'field-fill'
            }
            {...box(rect)}
          />
        )}
        {padding.map((p, i) => (
          <rect key={i} className="field-padding" fill={`url(#${hatchId})`} {...box(p)} />
        ))}
        {rect && <rect className="field-halo" {...box(rect)} />}
        {rect && <rect className="field-outline" {...box(rect)} />}
        {props.children}
      </svg>
    </div>
  );
}
