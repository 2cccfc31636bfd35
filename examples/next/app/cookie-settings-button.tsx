'use client';
import { useConsent } from 'consent-gate/react';

export function CookieSettingsButton() {
  const { showPreferences } = useConsent();
  return (
    <button type="button" onClick={showPreferences}>
      Cookie settings
    </button>
  );
}
