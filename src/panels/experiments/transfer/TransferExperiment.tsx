/** Placeholder until the experiment lands: the panel's tab exists, its experiment does not yet. */
export function TransferExperiment() {
  return (
    <div className="card panel-main-figure">
      <p>This experiment is not built yet.</p>
    </div>
  );
}
