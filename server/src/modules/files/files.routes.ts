import { Type } from '@sinclair/typebox';
import type { AppInstance } from '../../app.types.js';
import { requireActor } from '../../platform/auth/auth-plugin.js';
import { errorResponse } from '../../platform/errors/error-responses.js';
import { binary, IdParams } from '../../platform/http/schemas.js';
import { MAX_IMAGE_BYTES } from './files.service.js';
import { filesError } from './files.errors.js';

export async function filesRoutes(app: AppInstance) {
  app.post(
    '/api/files',
    {
      schema: {
        tags: ['files'],
        operationId: 'uploadFile',
        summary: 'Upload one image (multipart field "file"); type is sniffed from the bytes',
        consumes: ['multipart/form-data'],
        response: {
          201: Type.Object({ id: Type.String(), mime: Type.String(), size: Type.Integer(), url: Type.String() }),
          413: errorResponse(413, 'The image is larger than 8 MB (files.too_large)'),
          415: errorResponse(415, 'Not a multipart upload, or not an image (files.multipart_required, files.not_an_image)'),
        },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      if (!request.isMultipart()) throw filesError('files.multipart_required', { field: 'file' });
      const part = await request.file({ limits: { fileSize: MAX_IMAGE_BYTES + 1, files: 1 } });
      if (!part) throw filesError('files.missing', { field: 'file' });
      const bytes = await part.toBuffer().catch(() => {
        throw filesError('files.too_large', { params: { limit: MAX_IMAGE_BYTES / 1024 / 1024 }, field: 'file' });
      });
      return reply.status(201).send(await app.services.files.storeImage(actor, bytes, 'photo'));
    },
  );

  app.get(
    '/api/files/:id',
    { schema: { tags: ['files'], operationId: 'getFile', summary: 'An uploaded image, served with its sniffed type', params: IdParams, response: { 200: binary('image/*', 'The image bytes') } } },
    async (request, reply) => {
      const { mime, bytes } = await app.services.files.read(requireActor(request), request.params.id);
      return reply
        .type(mime)
        .header('content-disposition', 'inline')
        .header('cache-control', 'private, max-age=86400')
        .header('content-security-policy', "default-src 'none'")
        .send(bytes);
    },
  );
}
