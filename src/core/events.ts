import { error } from './lib/log';
import { hasDOM } from './lib/env';

type Listener = (detail: never) => void;

/** A typed emitter that also mirrors each event on `window` as `consent-gate:<name>`. */
export function createEmitter<Events extends object>() {
  const listeners = new Map<keyof Events, Set<Listener>>();
  return {
    on<E extends keyof Events>(event: E, fn: (detail: Events[E]) => void): () => void {
      if (typeof fn !== 'function') {
        error(`on("${String(event)}"): the listener must be a function.`);
        return () => {};
      }
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(fn as Listener);
      return () => void set!.delete(fn as Listener);
    },
    emit<E extends keyof Events>(event: E, detail: Events[E]): void {
      for (const fn of [...(listeners.get(event) || [])]) {
        try {
          (fn as (d: Events[E]) => void)(detail);
        } catch (e) {
          // One broken listener must not stop the others or the SDK.
          error(`a "${String(event)}" listener threw:`, e);
        }
      }
      if (hasDOM() && typeof CustomEvent === 'function') {
        try {
          window.dispatchEvent(new CustomEvent(`consent-gate:${String(event)}`, { detail }));
        } catch (e) {
          error(`a "consent-gate:${String(event)}" window listener threw:`, e);
        }
      }
    },
    clear: () => listeners.clear(),
  };
}
