import { describeStoreContract } from '@flowline/core/testing/store-contract';
import { createSqliteStore } from '../src/index.js';
import { makeTempDir, TEST_KEY } from './temp-dir.js';

describeStoreContract('sqlite store (file)', async () => {
  const temp = makeTempDir();
  const store = createSqliteStore({ path: temp.file('flowline.db'), encryptionKey: TEST_KEY });
  return {
    store,
    close: async () => {
      await store.close();
      temp.remove();
    },
  };
});

describeStoreContract("sqlite store (':memory:')", async () => {
  const store = createSqliteStore({ path: ':memory:', encryptionKey: TEST_KEY });
  return { store, close: () => store.close() };
});

describeStoreContract('sqlite store (file, without group commit)', async () => {
  const temp = makeTempDir();
  const store = createSqliteStore({ path: temp.file('flowline.db'), groupCommit: false, encryptionKey: TEST_KEY });
  return {
    store,
    close: async () => {
      await store.close();
      temp.remove();
    },
  };
});
