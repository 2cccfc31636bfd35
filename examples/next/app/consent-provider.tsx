'use client';
import type { ReactNode } from 'react';
import { createConsent } from 'consent-gate';
import { ConsentProvider } from 'consent-gate/react';
import { consentConfig } from './consent-config';

/** A Client Component: functions and RegExps in the config cannot cross from the server. */
export function Providers({ children }: { children: ReactNode }) {
  return (
    <ConsentProvider config={consentConfig} create={createConsent}>
      {children}
    </ConsentProvider>
  );
}
