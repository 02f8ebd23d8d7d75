import './zod-without-eval';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { getApi } from './api/get-api';
import { App } from './App';
import { registerCharts } from './charts/register-charts';
import './styles.css';

registerCharts();
const { api, web } = getApi();
const root = document.getElementById('root');
if (root !== null) {
  createRoot(root).render(
    <StrictMode>
      <App api={api} {...(web === null ? {} : { onNotification: web.onNotification })} />
    </StrictMode>,
  );
}
