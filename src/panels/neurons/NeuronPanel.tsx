/** Neurons and decision regions (being built). */
export function NeuronPanel() {
  return (
    <section className="panel" aria-labelledby="neurons-title">
      <h1 id="neurons-title">Neurons and decision regions</h1>
    </section>
  );
}
