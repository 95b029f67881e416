import type { AppInstance } from '../../app.types.js';
import { requireActor, requireRole } from '../../platform/auth/auth-plugin.js';
import { regionNotFound } from '../../platform/errors/error-responses.js';
import { IdParams } from '../../platform/http/schemas.js';
import { Type } from '@sinclair/typebox';
import { BehindList, BehindQuery, CountsQuery, CreateBody, CreatedUnit, ListQuery, Option, Reminded, ReportCounts, UnitDetail, UnitPage, UpdateBody } from './partners.schemas.js';

const tags = ['partners'];

export async function partnersRoutes(app: AppInstance) {
  const svc = () => app.services.partners;
  const staff = (request: Parameters<typeof requireRole>[0]) => requireRole(request, 'communityAdmin', 'streetAdmin', 'districtAdmin');
  const managers = (request: Parameters<typeof requireRole>[0]) => requireRole(request, 'streetAdmin', 'districtAdmin');

  app.get(
    '/api/partner-units',
    { schema: { tags, operationId: 'listPartnerUnits', summary: 'Partner units (共建单位) over the caller’s area or paired with its communities, with member counts', querystring: ListQuery, response: { 200: UnitPage } } },
    async (request) => svc().list(staff(request), request.query),
  );

  app.post(
    '/api/partner-units',
    { schema: { tags, operationId: 'createPartnerUnit', summary: 'Register a partner unit with its contact account (role partner: picked, or made now) and paired communities (street and district admins)', body: CreateBody, response: { 201: CreatedUnit, ...regionNotFound } } },
    async (request, reply) => reply.status(201).send(await svc().create(managers(request), request.body)),
  );

  app.get(
    '/api/partner-units/options',
    { schema: { tags, operationId: 'listPartnerUnitOptions', summary: 'Active registered units, to choose one’s work unit when applying as an in-service party member (双报到)', response: { 200: Type.Array(Option) } } },
    async (request) => svc().options(requireActor(request)),
  );

  app.get(
    '/api/partner-units/mine',
    { schema: { tags, operationId: 'listMyPartnerUnits', summary: 'The units the caller is the contact of', response: { 200: Type.Array(Option) } } },
    async (request) => svc().mine(requireActor(request)),
  );

  app.get(
    '/api/partner-units/report-counts',
    { schema: { tags, operationId: 'partnerReportCounts', summary: '双报到 counts: per community of the area, in-service party members reporting from each work unit', querystring: CountsQuery, response: { 200: ReportCounts, ...regionNotFound } } },
    async (request) => svc().reportCounts(staff(request), request.query.regionId),
  );

  app.get(
    '/api/partner-units/behind',
    {
      schema: {
        tags,
        operationId: 'listBehindMinimum',
        summary: 'In-service party members below the yearly minimum this year: of an area (staff) or of a unit (its staff and its contact)',
        querystring: BehindQuery,
        response: { 200: BehindList, ...regionNotFound },
      },
    },
    async (request) => svc().behind(requireActor(request), request.query),
  );

  app.post(
    '/api/partner-units/members/:id/remind',
    { schema: { tags, operationId: 'remindBehindMember', summary: 'Remind an in-service party member behind the minimum now (staff over their community; once a day per person, audited)', params: IdParams, response: { 200: Reminded } } },
    async (request) => svc().remindNow(staff(request), request.params.id),
  );

  app.get(
    '/api/partner-units/:id',
    { schema: { tags, operationId: 'getPartnerUnit', summary: 'A unit’s page: its profile, its in-service party members and their verified hours this year (staff over it, its contact)', params: IdParams, response: { 200: UnitDetail } } },
    async (request) => svc().detail(requireActor(request), request.params.id),
  );

  app.patch(
    '/api/partner-units/:id',
    { schema: { tags, operationId: 'updatePartnerUnit', summary: 'Edit a unit: name, type, address, paired communities, contact; `active: false` retires it (its street’s or the district’s admins)', params: IdParams, body: UpdateBody, response: { 200: UnitDetail } } },
    async (request) => svc().update(managers(request), request.params.id, request.body),
  );
}
