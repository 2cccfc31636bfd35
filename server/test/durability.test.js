// Every 2xx is durable: kill -9 right after a burst (and in the middle of one) loses nothing.
import { test } from 'node:test';
import { killTest, tempSqlite } from './helpers.js';

test('SQLite: kill -9 right after a burst of 2xx answers, and in the middle of one: all acknowledged receipts are there after restart', async () => {
  await killTest(tempSqlite());
});
