import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './platform/i18n/index.ts';
import './app/styles.css';
import { App } from './app/App.tsx';

const root = document.getElementById('root');
if (!root) throw new Error('#root element missing from index.html');

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
