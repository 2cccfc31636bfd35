/**
 * Tells the site's other open tabs that the choice changed; they re-read storage (the
 * message carries no state, so a forged one grants nothing). BroadcastChannel where it
 * exists, and a re-read whenever a tab becomes visible, which also catches a choice made
 * on another subdomain sharing the cookie.
 */
export function createSync(name: string, onRemoteChange: () => void) {
  const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(name) : undefined;
  const onVisible = () => document.visibilityState === 'visible' && onRemoteChange();
  if (channel) channel.onmessage = onRemoteChange;
  document.addEventListener('visibilitychange', onVisible);
  return {
    notify: () => channel?.postMessage(1),
    destroy() {
      channel?.close();
      document.removeEventListener('visibilitychange', onVisible);
    },
  };
}
