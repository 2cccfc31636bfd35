import Link from 'next/link';
import { CookieSettingsButton } from '../cookie-settings-button';

export default function About() {
  return (
    <main>
      <h1>About this example</h1>
      <p>The consent provider lives in the root layout, so moving between pages keeps one instance and never shows the banner again.</p>
      <p>
        <CookieSettingsButton /> <Link href="/">Home</Link>
      </p>
    </main>
  );
}
