import type { Config } from '../config.js';
import type { FieldCrypto } from './crypto/crypto.js';
import type { Database, Db } from './db/client.js';
import type { Clock } from './clock/clock.js';

/** What every service is built from: the database, field encryption, the configuration and the clock. */
export type PlatformDeps = { db: Db; database: Database; crypto: FieldCrypto; config: Config; clock: Clock };
