import { selectReport, useLabStore } from '../../state/store';
import { JsonEditor } from './JsonEditor';
import { LayerTable } from './LayerTable';
import { NetworkDiagram } from './NetworkDiagram';
import { NetworkToolbar } from './NetworkToolbar';
import { SummaryBar } from './SummaryBar';
import './architecture.css';

/** The architecture explorer: pick or build a network and read every layer's numbers. */
export function ArchitecturePanel() {
  const report = useLabStore(selectReport);
  return (
    <section className="panel architecture-panel" aria-labelledby="architecture-title">
      <h1 id="architecture-title">Architecture explorer</h1>
      <NetworkToolbar />
      <SummaryBar report={report} />
      <NetworkDiagram report={report} />
      <LayerTable report={report} />
      <JsonEditor />
    </section>
  );
}
