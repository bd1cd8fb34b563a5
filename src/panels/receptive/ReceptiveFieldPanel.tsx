/** Receptive fields (being built). */
export function ReceptiveFieldPanel() {
  return (
    <section className="panel" aria-labelledby="receptive-title">
      <h1 id="receptive-title">Receptive fields</h1>
    </section>
  );
}
