import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import UpdatePrompt from './pwa/UpdatePrompt';
import { App } from './shell/App';
import { startConnection } from './connection/start-connection';
import { useLocalUser } from './state/user-store';
import './styles/studio.css';
import './pwa/pwa.css';

// The engine runs in one tab's worker per origin from app start (due timers catch up on reopening),
// or on the Flowdeck server the stored connection names.
startConnection(() => useLocalUser.getState().name);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
    <UpdatePrompt />
  </StrictMode>,
);
