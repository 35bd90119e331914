/**
 * The part of a `storage.sync` area the sync code uses, declared here so the
 * code takes it as a parameter: the background passes `browser.storage.sync`,
 * the unit tests a simulated one per machine.
 */
export interface StorageChange {
  oldValue?: unknown;
  newValue?: unknown;
}

export interface SyncArea {
  /** Every item (null) or the named ones. */
  get(keys: string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
  /** Changes to this area, whichever machine (or context) made them. Returns the unsubscribe function. */
  watch(listener: (changes: Record<string, StorageChange>) => void): () => void;
}

/** An area of `browser.storage` (sync, or local for the settings mirror) as a SyncArea. */
export function browserStorageArea(
  area: {
    get(keys: string[] | null): Promise<Record<string, unknown>>;
    set(items: Record<string, unknown>): Promise<void>;
    remove(keys: string[]): Promise<void>;
  },
  onChanged: {
    addListener(listener: (changes: Record<string, StorageChange>, areaName: string) => void): void;
    removeListener(listener: (changes: Record<string, StorageChange>, areaName: string) => void): void;
  },
  areaName = 'sync',
): SyncArea {
  return {
    get: (keys) => area.get(keys),
    set: (items) => area.set(items),
    remove: (keys) => area.remove(keys),
    watch(listener) {
      const onChange = (changes: Record<string, StorageChange>, name: string) => {
        if (name === areaName) listener(changes);
      };
      onChanged.addListener(onChange);
      return () => onChanged.removeListener(onChange);
    },
  };
}
