import { Type } from '@sinclair/typebox';
import type { AppInstance } from '../../app.types.js';
import { requireActor } from '../../platform/auth/auth-plugin.js';
import { errorResponse } from '../../platform/errors/error-responses.js';
import { binary, IdParams } from '../../platform/http/schemas.js';
import { Certificate, CertificateList, IssueBody, Verification } from './certificates.schemas.js';
import { pickLocale } from '../../platform/i18n/i18n.js';
import { attachment } from '../../platform/http/attachment.js';

const tags = ['certificates'];
const notFound = { 404: errorResponse(404, 'No such certificate, or not one of yours or of a volunteer in your scope (certificates.not_found)') };

export async function certificatesRoutes(app: AppInstance) {
  const svc = () => app.services.certificates;

  app.post(
    '/api/certificates',
    { schema: { tags, operationId: 'issueCertificate', summary: 'Issue a service record certificate (志愿服务记录证明) for myself, or (staff) for a volunteer in my subtree', body: IssueBody, response: { 201: Certificate, 404: errorResponse(404, 'No such volunteer in the caller’s scope'), 409: errorResponse(409, 'Not a numbered volunteer, active or left (certificates.not_eligible)') } } },
    async (request, reply) => {
      // the QR code links to this web app's public verification page
      const origin = `${request.protocol}://${request.host}`;
      return reply.code(201).send(await svc().issue(requireActor(request), request.body, origin));
    },
  );

  app.get('/api/certificates/mine', { schema: { tags, operationId: 'listMyCertificates', summary: 'The certificates issued for me, newest first', response: { 200: CertificateList } } }, async (request) =>
    svc().mine(requireActor(request)),
  );

  app.get(
    '/api/certificates/:id/pdf',
    { config: { heavyRead: true }, schema: { tags, operationId: 'downloadCertificate', summary: 'The certificate as a PDF, drawn again from what was issued (the same document every time)', params: IdParams, response: { 200: binary('application/pdf', 'The certificate'), ...notFound } } },
    async (request, reply) => {
      const { body, names } = await svc().pdf(requireActor(request), request.params.id);
      return reply.type('application/pdf').header('content-disposition', attachment(pickLocale(request.headers['accept-language']), names)).header('cache-control', 'no-store').send(body);
    },
  );

  app.get(
    '/api/public/certificates/:code',
    {
      // no login; limited per address like the other costly reads, so nobody walks the code space
      config: { heavyRead: true },
      schema: { tags, operationId: 'verifyCertificate', summary: 'Public check of a certificate’s code: valid with only what the certificate says (name masked), not valid, or mistyped', params: Type.Object({ code: Type.String({ minLength: 1, maxLength: 64 }) }, { additionalProperties: false }), response: { 200: Verification } },
    },
    async (request) => svc().verify(request.params.code),
  );
}
