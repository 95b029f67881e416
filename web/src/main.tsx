import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { registerNamespace } from './i18n';
import './styles/global.css';
import { App, preloadFirstPage } from './app/App';
import { features } from './app/features';
import { PHONE_FRAME_NS, phoneFrameWords } from './app/phone-frame-words';
import { startServiceWorker } from './app/pwa';

// each feature's words load when one of its pages is first shown (see app/lazy.ts)
for (const feature of features) registerNamespace(feature.name, feature.locales);
registerNamespace(PHONE_FRAME_NS, phoneFrameWords);
preloadFirstPage();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

startServiceWorker();
