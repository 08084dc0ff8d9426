import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import UpdatePrompt from './pwa/UpdatePrompt';
import { App } from './shell/App';
import { startEngine } from './engine/expose';
import { useLocalUser } from './state/user-store';
import './styles/studio.css';
import './pwa/pwa.css';

// The engine runs in one tab's worker per origin from app start (due timers catch up on reopening).
startEngine(() => useLocalUser.getState().name);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
    <UpdatePrompt />
  </StrictMode>,
);
