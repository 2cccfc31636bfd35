import type { ReactNode } from 'react';
import Script from 'next/script';
import { Consent } from 'consent-gate/react';
import { Providers } from './consent-provider';

export const metadata = { title: 'consent-gate with the Next.js App Router' };

// Google Consent Mode defaults, in the server-rendered <head> before anything else: every
// Google tag on the page, however and whenever it loads, finds "denied" first.
const consentDefault = `window.dataLayer = window.dataLayer || [];
function gtag(){dataLayer.push(arguments);}
gtag('consent', 'default', { ad_storage: 'denied', ad_user_data: 'denied', ad_personalization: 'denied', analytics_storage: 'denied', functionality_storage: 'denied', personalization_storage: 'denied', security_storage: 'denied', wait_for_update: 500 });`;

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <head>
        <script id="consent-default" dangerouslySetInnerHTML={{ __html: consentDefault }} />
      </head>
      <body>
        <Providers>
          {children}
          {/* Google Analytics loads only once analytics (and the ga4 service) is granted. */}
          <Consent category="analytics" service="ga4">
            <Script src="https://www.googletagmanager.com/gtag/js?id=G-XXXX" />
            <Script id="ga4-config">{`gtag('js', new Date()); gtag('config', 'G-XXXX');`}</Script>
          </Consent>
        </Providers>
      </body>
    </html>
  );
}
