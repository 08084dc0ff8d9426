import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import UpdatePrompt from './pwa/UpdatePrompt';
import { App } from './shell/App';
import './styles/studio.css';
import './pwa/pwa.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
    <UpdatePrompt />
  </StrictMode>,
);
