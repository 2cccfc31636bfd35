/** @jsxImportSource react */
// The React fixture app: rendered to a string in Node (e2e/frameworks.spec.ts), then hydrated in
// Chromium by react-client.tsx, built with Vite. It uses the built package (consent-gate/react).
import { StrictMode } from 'react';
import { createConsent, type Config, type ConsentInstance } from 'consent-gate';
import { Consent, ConsentProvider, useConsent, useConsentScript } from 'consent-gate/react';

export const config: Config = {
  revision: 'e2e-react',
  categories: { necessary: { required: true }, analytics: {}, marketing: {} },
  services: { youtube: { category: 'marketing', title: 'YouTube' } },
};

/** Every instance the provider asks for, counted where the test can read it. */
function create(cfg: Config): ConsentInstance {
  const counter = globalThis as { __consentInstances?: number };
  counter.__consentInstances = (counter.__consentInstances || 0) + 1;
  return createConsent(cfg);
}

function Status() {
  const { ready, decided, categories } = useConsent();
  return <p data-testid="status">{`ready: ${ready}, decided: ${decided}, analytics: ${categories.analytics}`}</p>;
}

function AnalyticsScript() {
  const status = useConsentScript('/__frameworks/analytics.js', 'analytics');
  return <p data-testid="script">{`analytics script: ${status}`}</p>;
}

export function App() {
  return (
    <StrictMode>
      <ConsentProvider config={config} create={create}>
        <main>
          <h1>React fixture</h1>
          <Status />
          <Consent category="analytics" fallback={<p>Analytics is off.</p>}>
            <p>Analytics chart</p>
          </Consent>
          <Consent category="marketing" service="youtube" fallback={<p>The video needs marketing cookies.</p>}>
            <p>Video player</p>
          </Consent>
          <AnalyticsScript />
        </main>
      </ConsentProvider>
    </StrictMode>
  );
}

/** A control: what the server renders and what the browser hydrates differ, which React must report. */
export function Mismatch() {
  return <p>{typeof window == 'undefined' ? 'Rendered on the server' : 'Rendered in the browser'}</p>;
}
