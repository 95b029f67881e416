import { Type } from '@sinclair/typebox';
import type { AppInstance } from '../../app.types.js';
import { requirePermission } from '../../platform/auth/auth-plugin.js';
import { regionNotFound } from '../../platform/errors/error-responses.js';
import { IdParams, Page } from '../../platform/http/schemas.js';
import { AccountsQuery, AccountView, CreateAccountBody, UpdateAccountBody } from './accounts.schemas.js';

const tags = ['accounts'];

export async function accountsRoutes(app: AppInstance) {
  const svc = () => app.services.accounts;

  app.get(
    '/api/accounts',
    { schema: { tags, operationId: 'listAccounts', summary: 'People and staff accounts in my subtree (masked)', querystring: AccountsQuery, response: { 200: Page(AccountView), ...regionNotFound } } },
    async (request) => svc().list(requirePermission(request, 'accounts.read'), request.query),
  );

  app.get(
    '/api/accounts/:id',
    { schema: { tags, operationId: 'getAccount', summary: 'One account (masked)', params: IdParams, response: { 200: AccountView } } },
    async (request) => svc().get(requirePermission(request, 'accounts.read'), request.params.id),
  );

  app.post(
    '/api/accounts',
    {
      schema: {
        tags,
        operationId: 'createAccount',
        summary: 'Create an account bound to a node of my subtree',
        body: CreateAccountBody,
        response: { 201: Type.Object({ account: AccountView, temporaryPassword: Type.Optional(Type.String()) }), ...regionNotFound },
      },
    },
    async (request, reply) => reply.status(201).send(await svc().create(requirePermission(request, 'accounts.manage'), request.body)),
  );

  app.patch(
    '/api/accounts/:id',
    { schema: { tags, operationId: 'updateAccount', summary: 'Edit roles, node or profile', params: IdParams, body: UpdateAccountBody, response: { 200: AccountView } } },
    async (request) => svc().update(requirePermission(request, 'accounts.manage'), request.params.id, request.body),
  );

  app.post(
    '/api/accounts/:id/status',
    {
      schema: {
        tags,
        operationId: 'setAccountStatus',
        summary: 'Disable (ends all sessions) or re-enable an account',
        params: IdParams,
        body: Type.Object({ status: Type.Union([Type.Literal('active'), Type.Literal('disabled')]) }, { additionalProperties: false }),
        response: { 200: AccountView },
      },
    },
    async (request) => svc().setStatus(requirePermission(request, 'accounts.manage'), request.params.id, request.body.status),
  );

  app.post(
    '/api/accounts/:id/reset-password',
    {
      schema: {
        tags,
        operationId: 'resetAccountPassword',
        summary: 'Issue a temporary password; the user must change it at next login',
        params: IdParams,
        response: { 200: Type.Object({ temporaryPassword: Type.String() }) },
      },
    },
    async (request) => svc().resetPassword(requirePermission(request, 'accounts.manage'), request.params.id),
  );

  app.post(
    '/api/accounts/:id/reveal',
    {
      schema: {
        tags,
        operationId: 'revealAccountField',
        summary: 'See a full phone or ID number (permission required; audited)',
        params: IdParams,
        body: Type.Object({ field: Type.Union([Type.Literal('phone'), Type.Literal('idNumber')]) }, { additionalProperties: false }),
        response: { 200: Type.Object({ value: Type.Union([Type.String(), Type.Null()]) }) },
      },
    },
    async (request) => svc().reveal(requirePermission(request, 'accounts.read'), request.params.id, request.body.field),
  );
}
