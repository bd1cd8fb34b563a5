// The forward and backward view's maps are images sized by width, with an optional outline of
// marked cells: the shared image canvas draws both.
export { ImageCanvas as MapCanvas } from '../shared/ImageCanvas';
