import { describeStoreContract } from '@flowline/core/testing/store-contract';
import { createPostgresStore } from '../src/index.js';
import { dropSchema, PG_URL, TEST_KEY, uniqueSchema } from './pg-schema.js';

// Each test of the suite gets a schema of its own, migrated from nothing, and drops it after.
describeStoreContract('postgres store', async () => {
  const schema = uniqueSchema('contract');
  const store = await createPostgresStore({ connectionString: PG_URL, schema, encryptionKey: TEST_KEY });
  return {
    store,
    close: async () => {
      await store.close();
      await dropSchema(schema);
    },
  };
});
