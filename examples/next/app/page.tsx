import Link from 'next/link';
import { Consent } from 'consent-gate/react';
import { CookieSettingsButton } from './cookie-settings-button';

export default function Home() {
  return (
    <main>
      <h1>consent-gate with the Next.js App Router</h1>
      <Consent
        category="marketing"
        fallback={
          <p>
            The product tour needs marketing cookies. <CookieSettingsButton />
          </p>
        }
      >
        <iframe title="Product tour" src="https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ" width="560" height="315" />
      </Consent>
      <p>
        <Link href="/about">About this example</Link>
      </p>
    </main>
  );
}
