import { createMismatchApp, createVueApp } from './vue-app';

const root = document.getElementById('app')!;
(root.dataset.app === 'mismatch' ? createMismatchApp() : createVueApp()).mount(root);
