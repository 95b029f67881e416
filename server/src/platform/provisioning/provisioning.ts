import type { Db, DbOrTx } from '../db/client.js';

/**
 * District provisioning: what a new district needs before anyone can use it (categories, decline
 * reasons and reply templates today; deadline rules, points rules, post types, the conduct list and
 * assessment forms as their modules land). Each module contributes one provisioner; each must be
 * idempotent — it runs for a new district from `cli create-admin`, for the demo, and again on every
 * `create-admin` for an existing district, filling only what is missing.
 */
export type Provisioner = {
  /** The module it belongs to, for the operator's report. */
  module: string;
  provision(tx: DbOrTx, districtId: string): Promise<void>;
};

/** Runs every module's provisioner for one district in one transaction: all defaults or none. */
export async function provisionDistrict(db: Db, provisioners: readonly Provisioner[], districtId: string): Promise<string[]> {
  return db.transaction(async (tx) => {
    for (const p of provisioners) await p.provision(tx, districtId);
    return provisioners.map((p) => p.module);
  });
}
