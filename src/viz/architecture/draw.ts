import { select } from 'd3';
import { BLOCK_COLORS } from './colors';
import type { DiagramBlock, DiagramLayout } from './layout';
import { remOf } from '../typeScale';

export interface DiagramHandlers {
  onSelect(index: number): void;
  onHover(index: number | null): void;
}

const SLANT_X = 0.6;
const SLANT_Y = 0.4;

/** Outline of a block's top and side faces, which give it its depth. */
function depthPath(b: DiagramBlock): string {
  const dx = b.depth * SLANT_X;
  const dy = b.depth * SLANT_Y;
  const [x, y, w, h] = [b.x, b.y, b.faceWidth, b.faceHeight];
  return `M${x},${y} L${x + dx},${y - dy} L${x + w + dx},${y - dy} L${x + w + dx},${y + h - dy} L${x + w},${y + h} L${x + w},${y} Z`;
}

/** Centre of a block's top edge, where skip arcs start and end. */
const topOf = (b: DiagramBlock): [number, number] => [b.x + b.faceWidth / 2, b.y];

/**
 * Draws the network diagram into an SVG: blocks, connections and shape labels.
 * Each block is a focusable button (roving tabindex: only the selected one is
 * in the tab order); the host moves focus with the arrow keys.
 */
export function drawArchitecture(
  svgElement: SVGSVGElement,
  layout: DiagramLayout,
  selected: number,
  describe: (block: DiagramBlock) => string,
  handlers: DiagramHandlers,
): void {
  const svg = select(svgElement)
    .attr('viewBox', `0 0 ${layout.width} ${layout.height}`)
    .attr('width', layout.width)
    .attr('height', layout.height)
    // In rem, so the blocks and their shape labels grow with large type (typeScale.ts).
    .style('width', remOf(layout.width))
    .style('height', remOf(layout.height));
  svg.selectAll('*').remove();
  const byIndex = new Map(layout.blocks.map((b) => [b.index, b]));

  const links = svg.append('g').attr('class', 'diagram-links').attr('aria-hidden', 'true');
  for (const edge of layout.edges) {
    const from = byIndex.get(edge.from);
    const to = byIndex.get(edge.to);
    if (!from || !to) continue;
    if (edge.skip) {
      const [x1, y1] = topOf(from);
      const [x2, y2] = topOf(to);
      const top = Math.min(y1, y2) - layout.arcSpace * 0.8;
      links
        .append('path')
        .attr('class', 'skip')
        .attr('d', `M${x1},${y1} C${x1},${top} ${x2},${top} ${x2},${y2}`);
    } else {
      const y = from.y + from.faceHeight / 2;
      links
        .append('line')
        .attr('x1', from.x + from.faceWidth + from.depth * SLANT_X)
        .attr('x2', to.x)
        .attr('y1', y)
        .attr('y2', y);
    }
  }

  const blocks = svg
    .append('g')
    .attr('class', 'diagram-blocks')
    .selectAll<SVGGElement, DiagramBlock>('g')
    .data(layout.blocks)
    .join('g')
    .attr(
      'class',
      (b) =>
        `block block-${b.kind}${b.index === selected ? ' selected' : ''}${b.failed ? ' failed' : ''}`,
    )
    .attr('data-index', (b) => b.index)
    .attr('role', (b) => (b.index >= 0 ? 'button' : null))
    .attr('tabindex', (b) => (b.index < 0 ? null : b.index === selected ? 0 : -1))
    .attr('aria-pressed', (b) => (b.index >= 0 ? String(b.index === selected) : null))
    .attr('aria-label', describe)
    .on('click', (_, b) => b.index >= 0 && handlers.onSelect(b.index))
    .on('focus', (_, b) => handlers.onHover(b.index))
    .on('mouseenter', (_, b) => handlers.onHover(b.index))
    .on('mouseleave blur', () => handlers.onHover(null));

  blocks
    .append('rect')
    .attr('class', 'hit')
    .attr('x', (b) => b.x - 3)
    .attr('y', (b) => b.y - b.depth * SLANT_Y - 4)
    .attr('width', (b) => b.faceWidth + b.depth * SLANT_X + 6)
    .attr('height', (b) => b.faceHeight + b.depth * SLANT_Y + 8);
  blocks
    .filter((b) => b.depth > 0)
    .append('path')
    .attr('class', 'depth')
    .attr('d', depthPath)
    .attr('fill', (b) => BLOCK_COLORS[b.kind]);
  blocks
    .append('rect')
    .attr('class', 'face')
    .attr('x', (b) => b.x)
    .attr('y', (b) => b.y)
    .attr('width', (b) => b.faceWidth)
    .attr('height', (b) => b.faceHeight)
    .attr('fill', (b) => BLOCK_COLORS[b.kind]);
  blocks
    .filter((b) => !b.minor)
    .append('text')
    .attr('class', 'shape-label')
    .attr('transform', (b) => `translate(${b.x + b.faceWidth / 2},${layout.labelY}) rotate(40)`)
    .text((b) => b.shapeLabel);
}

/**
 * Moves the selection in a drawn diagram (class, roving tabindex, aria-pressed) without
 * drawing it again: in a network of hundreds of layers a redraw costs tens of milliseconds.
 */
export function markSelectedBlock(svgElement: SVGSVGElement, selected: number): void {
  select(svgElement)
    .selectAll<SVGGElement, DiagramBlock>('g.block')
    .classed('selected', (b) => b.index === selected)
    .attr('tabindex', (b) => (b.index < 0 ? null : b.index === selected ? 0 : -1))
    .attr('aria-pressed', (b) => (b.index >= 0 ? String(b.index === selected) : null));
}
