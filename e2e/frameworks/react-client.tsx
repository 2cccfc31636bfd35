/** @jsxImportSource react */
import { hydrateRoot } from 'react-dom/client';
import { App, Mismatch } from './react-app';

const root = document.getElementById('root')!;
hydrateRoot(root, root.dataset.app === 'mismatch' ? <Mismatch /> : <App />);
