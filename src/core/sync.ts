/**
 * Tells the site's other open tabs that the choice changed; they re-read storage
 * (the message carries no state, so a forged message can grant nothing).
 * BroadcastChannel where it exists, the `storage` event for the localStorage mirror,
 * and a re-read when a tab becomes visible as the fallback for everything else.
 */
export function createSync(channelName: string, storageKey: string, onRemoteChange: () => void) {
  let channel: BroadcastChannel | undefined;
  try {
    if (typeof BroadcastChannel === 'function') {
      channel = new BroadcastChannel(channelName);
      channel.onmessage = () => onRemoteChange();
    }
  } catch {
    channel = undefined;
  }
  const onStorage = (e: StorageEvent) => {
    if (e.key === storageKey) onRemoteChange();
  };
  const onVisible = () => {
    if (document.visibilityState === 'visible') onRemoteChange();
  };
  window.addEventListener('storage', onStorage);
  document.addEventListener('visibilitychange', onVisible);
  return {
    notify() {
      try {
        channel?.postMessage('changed');
      } catch {
        /* a closed channel: other tabs catch up when shown */
      }
    },
    destroy() {
      channel?.close();
      window.removeEventListener('storage', onStorage);
      document.removeEventListener('visibilitychange', onVisible);
    },
  };
}
