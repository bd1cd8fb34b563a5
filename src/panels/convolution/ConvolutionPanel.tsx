/** The convolution and pooling explainers (being built). */
export function ConvolutionPanel() {
  return (
    <section className="panel" aria-labelledby="convolution-title">
      <h1 id="convolution-title">Convolution and pooling</h1>
    </section>
  );
}
