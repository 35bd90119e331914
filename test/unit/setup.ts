// Every unit test gets a fresh in-memory IndexedDB so Dexie runs in Node.
import 'fake-indexeddb/auto';
