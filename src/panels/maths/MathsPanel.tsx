/** The maths with its numbers (being built). */
export function MathsPanel() {
  return (
    <section className="panel" aria-labelledby="maths-title">
      <h1 id="maths-title">The maths with its numbers</h1>
    </section>
  );
}
