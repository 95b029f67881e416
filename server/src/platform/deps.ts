import type { Config } from '../config.js';
import type { FieldCrypto } from './crypto/crypto.js';
import type { Database, Db } from './db/client.js';

/** What every service is built from: the database, field encryption and the configuration. */
export type PlatformDeps = { db: Db; database: Database; crypto: FieldCrypto; config: Config };
