import { selectReport, useLabStore } from '../../state/store';
import { HiddenNote, useHidden } from '../shared/HiddenNote';
import { JsonEditor } from './JsonEditor';
import { LayerTable } from './LayerTable';
import { ModelImport } from './ModelImport';
import { NetworkDiagram } from './NetworkDiagram';
import { NetworkToolbar } from './NetworkToolbar';
import { SelectedActivation } from './SelectedActivation';
import { SummaryBar } from './SummaryBar';
import './architecture.css';

/** The architecture explorer: pick or build a network and read every layer's numbers. */
export function ArchitecturePanel() {
  const report = useLabStore(selectReport);
  // hide=network-editor keeps the numbers and the diagram, and takes away what edits the
  // network: the catalogue picker, name and input shape, the layer editors, the JSON.
  const editable = !useHidden('network-editor');
  return (
    <section className="panel architecture-panel" aria-labelledby="architecture-title">
      <h1 id="architecture-title">Architecture explorer</h1>
      <HiddenNote parts={['network-editor']} />
      {editable && <NetworkToolbar />}
      <SummaryBar report={report} />
      <div className="panel-main-figure">
        <NetworkDiagram report={report} />
      </div>
      <SelectedActivation report={report} />
      <LayerTable report={report} readOnly={!editable} />
      {editable && <JsonEditor />}
      {editable && <ModelImport />}
    </section>
  );
}
