// TEMPORARY placeholder until the renderer (issue 7) replaces this file: proves the build, the
// app:// protocol, the CSP and the preload bridge end to end by showing the wallet count.
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import type { MatryoshkaApi } from '../shared/ipc/contract';

declare global {
  interface Window {
    readonly matryoshka?: MatryoshkaApi;
  }
}

function Placeholder() {
  const [status, setStatus] = useState(window.matryoshka === undefined ? 'no API bridge' : 'connecting…');
  useEffect(() => {
    const api = window.matryoshka;
    if (api === undefined) return;
    void api.getState().then((result) => {
      setStatus(result.ok ? `${result.value.wallets.length} wallet(s) watched` : `error: ${result.error.message}`);
    });
  }, []);
  return (
    <main>
      <h1>Matryoshka</h1>
      <p>{status}</p>
    </main>
  );
}

const root = document.getElementById('root');
if (root !== null) {
  createRoot(root).render(
    <StrictMode>
      <Placeholder />
    </StrictMode>,
  );
}
