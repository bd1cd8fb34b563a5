/** Forward and backward passes (being built). */
export function NetworkViewPanel() {
  return (
    <section className="panel" aria-labelledby="network-title">
      <h1 id="network-title">Forward and backward passes</h1>
    </section>
  );
}
