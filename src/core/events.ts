import { guard } from './lib/log';

/** A typed emitter that also dispatches each event on `window` as `consent-gate:<name>`. */
export function createEmitter<Events extends object>() {
  let listeners: { [E in keyof Events]?: Set<(detail: Events[E]) => void> } = {};
  return {
    on<E extends keyof Events>(event: E, fn: (detail: Events[E]) => void): () => void {
      (listeners[event] ||= new Set()).add(fn);
      return () => void listeners[event]?.delete(fn);
    },
    emit<E extends keyof Events>(event: E, detail: Events[E]): void {
      const name = 'consent-gate:' + String(event);
      // One broken listener must not stop the others or the SDK.
      for (const fn of [...(listeners[event] || [])]) guard(`a ${name} listener`, () => fn(detail));
      // Exceptions in window listeners are reported by the browser, not thrown here.
      if (typeof window !== 'undefined') window.dispatchEvent(new CustomEvent(name, { detail }));
    },
    clear: () => void (listeners = {}),
  };
}
