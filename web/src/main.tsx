import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { registerNamespace } from './i18n';
import './styles/global.css';
import { App, preloadFirstPage } from './app/App';
import { features } from './app/features';
import { startServiceWorker } from './app/pwa';

// each feature's words load when one of its pages is first shown (see app/lazy.ts)
for (const feature of features) registerNamespace(feature.name, feature.locales);
preloadFirstPage();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

startServiceWorker();
