// First, so the engine's worker starts loading before the rest of the page's script runs.
import './app/engine/earlyWorker';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { startDatasetLoading } from './app/datasetLoading';
import { startServiceWorker } from './app/serviceWorker';
import { startEngineClient } from './app/engine/client';
import { startUrlSync } from './app/urlSync';
import './app/styles.css';

startUrlSync();
startDatasetLoading();
startEngineClient();
startServiceWorker();

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
