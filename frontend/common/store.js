// One state object per page and one way to change it. A page's modules read the state with get() and change it
// only with set(patch): the state is frozen, so a module that assigns a field by hand fails at once instead of
// leaving a stale copy. Whatever depends on some fields subscribes to them and is called after every set that
// changed one of them (with the new state and the changed names), so the screen, the map and the URL never
// disagree with the state.

/** A store over {@code initial}; a subscriber to no names (null) hears every change. */
export function createStore(initial) {
  let state = Object.freeze({ ...initial });
  const subscribers = [];
  let notifying = false;
  const queue = [];

  function set(patch) {
    const changed = Object.keys(patch).filter(k => !Object.is(state[k], patch[k]));
    if (!changed.length) return;
    state = Object.freeze({ ...state, ...patch });
    // a subscriber that sets state again is heard after the current round, in order, never half-way through it
    queue.push(changed);
    if (notifying) return;
    notifying = true;
    try {
      while (queue.length) {
        const names = queue.shift();
        for (const s of subscribers.slice()) {
          if (!s.keys || s.keys.some(k => names.includes(k))) s.fn(state, names);
        }
      }
    } finally {
      notifying = false;
    }
  }

  return {
    get: () => state,
    set,
    /** Calls fn(state, changedNames) after each change of one of keys (every change when keys is null). */
    subscribe(keys, fn) {
      subscribers.push({ keys, fn });
    }
  };
}
