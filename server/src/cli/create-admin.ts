import { eq } from 'drizzle-orm';
import type { PlatformDeps } from '../platform/deps.js';
import { regions } from '../platform/scope/regions.table.js';
import { systemActor } from '../platform/auth/actor.js';
import { passwordProblem } from '../platform/auth/password.js';
import { AppError } from '../platform/errors/app-error.js';
import { translate } from '../platform/i18n/i18n.js';
import { createServices } from '../services.js';
import { CliError } from './runtime.js';

export type CreateAdminInput = { phone: string; name: string; password: string; districtCode?: string; districtName?: string };
export type CreateAdminResult = { accountId: string; district: { id: string; code: string; name: string; created: boolean }; provisioned: string[] };

/** An error code as the operator reads it: both languages, the server's own wording. */
const explain = (code: string, params: Record<string, string | number> = {}) => `${translate('zh-CN', code, params)} / ${translate('en', code, params)}`;

function check(input: CreateAdminInput): void {
  if (!/^1[3-9]\d{9}$/.test(input.phone)) throw new CliError(`--phone must be an 11-digit mainland mobile number, got "${input.phone}"`, 2);
  const name = input.name.trim();
  if (name.length === 0 || name.length > 50) throw new CliError('--name must have 1 to 50 characters', 2);
  const problem = passwordProblem(input.password, input.phone);
  if (problem) throw new CliError(`password refused: ${explain(problem)}`, 2);
}

/**
 * The district (root node) to bind the admin to: the one with --district-code, created when missing;
 * or, without a code, the only district there is. The regions service creates nodes only under a
 * parent in the caller's scope, and a root has neither, so the root row is written here, audited.
 */
async function resolveDistrict(deps: PlatformDeps, services: ReturnType<typeof createServices>, input: CreateAdminInput) {
  if (!input.districtCode) {
    const all = await deps.db.select().from(regions).where(eq(regions.type, 'district'));
    if (all.length === 1) return { row: all[0]!, created: false };
    if (all.length === 0) throw new CliError('there is no district yet: add --district-code and --district-name to create it', 2);
    throw new CliError(`several districts exist (${all.map((d) => `${d.code} ${d.name}`).join(', ')}): choose one with --district-code`, 2);
  }
  const [found] = await deps.db.select().from(regions).where(eq(regions.code, input.districtCode));
  if (found) {
    if (found.type !== 'district') throw new CliError(`code ${found.code} is a ${found.type} (${found.name}), not a district`, 2);
    return { row: found, created: false };
  }
  if (!input.districtName?.trim()) throw new CliError(`district ${input.districtCode} does not exist: add --district-name to create it`, 2);
  const id = globalThis.crypto.randomUUID();
  const path = `/${id}/`;
  const row = await deps.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(regions)
      .values({ id, districtId: id, parentId: null, code: input.districtCode!, name: input.districtName!.trim(), type: 'district', depth: 0, path })
      .returning();
    await services.audit.record(systemActor(id, path), {
      action: 'regions.create',
      objectType: 'region',
      objectId: id,
      regionId: id,
      details: { code: created!.code, name: created!.name, type: 'district', via: 'cli' },
    });
    return created!;
  });
  return { row, created: true };
}

/**
 * Creates a district admin through the accounts service, as the system actor: the same checks and
 * the same audit row as an admin created in the back office. The password was typed on a command
 * line (shell history, process list), so the service's "change at first login" flag stays on.
 */
export async function createAdmin(deps: PlatformDeps, input: CreateAdminInput): Promise<CreateAdminResult> {
  check(input);
  const services = createServices(deps);
  // checked before a district might be created, so a taken phone leaves nothing behind
  if (await services.accounts.findForLogin(input.phone)) throw new CliError(`phone ${input.phone}: ${explain('accounts.phone_taken')}`);
  const { row, created } = await resolveDistrict(deps, services, input);
  // defaults every module needs (idempotent: an existing district only gets what it lacks)
  const provisioned = await services.provisioning.provision(row.districtId);
  try {
    const { account } = await services.accounts.create(systemActor(row.districtId, row.path), {
      phone: input.phone,
      name: input.name.trim(),
      roles: ['districtAdmin'],
      regionId: row.id,
      password: input.password,
    });
    return { accountId: account.id, district: { id: row.id, code: row.code, name: row.name, created }, provisioned };
  } catch (err) {
    if (err instanceof AppError) throw new CliError(explain(err.code, err.params));
    throw err;
  }
}
