// Every unit test gets a fresh in-memory IndexedDB so Dexie runs in Node.
import 'fake-indexeddb/auto';
import { configure } from '@testing-library/preact';

// findBy*/waitFor wait for a condition; 1 s (the default) is how long, and a busy machine (CI's two
// cores running a build beside the tests) can take longer to get Dexie and a render through.
configure({ asyncUtilTimeout: 10_000 });
