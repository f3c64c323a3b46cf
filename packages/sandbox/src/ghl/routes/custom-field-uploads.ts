import type { JsonObject } from '../../shared/json.js';
import { GhlHttpError } from '../http/ghl-http-error.js';
import { bodyObject, stringField } from '../model/body.js';
import type { UploadedFileRecord } from '../state/records.js';
import type { LocationState } from '../state/store.js';
import { defineRoute, ok, type RouteDefinition } from '../routing/route.js';

/** What the form's `id` names: "Id (Contact Id / Opportunity Id / Custom Field Id)". */
function requireOwner(location: LocationState, id: string): void {
  if (location.contacts.has(id) || location.opportunities.has(id)) return;
  const field = location.customFields.get(id);
  if (field === undefined) throw new GhlHttpError(400, `No contact, opportunity or custom field with id ${id} in location ${location.id}`);
  if (field.dataType !== 'FILE_UPLOAD') throw new GhlHttpError(400, `Custom field ${id} is ${field.dataType}, not FILE_UPLOAD`);
}

export const customFieldUploadRoutes: RouteDefinition[] = [
  defineRoute({
    operationId: 'upload-file-customFields',
    method: 'POST',
    path: '/locations/{locationId}/customFields/upload',
    scopes: ['locations/customFields.write'],
    bodyType: 'multipart',
    handle: ({ store, location, body, files, baseUrl }) => {
      const input = bodyObject(body);
      const ownerId = stringField(input, 'id');
      if (ownerId === undefined) throw new GhlHttpError(422, ['id must be a string']);
      requireOwner(location, ownerId);
      if (files.length === 0) throw new GhlHttpError(422, ['At least one file must be uploaded']);
      const maxText = stringField(input, 'maxFiles');
      const max = maxText === undefined ? Number.POSITIVE_INFINITY : Number.parseInt(maxText, 10);
      if (maxText !== undefined && (!Number.isInteger(max) || max < 1)) throw new GhlHttpError(422, ['maxFiles must be a whole number string like "15"']);
      if (files.length > max) throw new GhlHttpError(422, [`At most ${max} files may be uploaded, got ${files.length}`]);
      const uploadedFiles: JsonObject = {};
      const meta: JsonObject[] = [];
      for (const part of files) {
        const id = store.newId();
        const record: UploadedFileRecord = {
          id,
          locationId: location.id,
          ownerId,
          fieldname: part.fieldname,
          originalname: part.filename,
          encoding: '7bit',
          mimetype: part.mimetype,
          size: part.data.length,
          url: `${baseUrl}/__sandbox/files/${id}`,
          dateAdded: store.timestamp(),
        };
        location.files.set(id, record);
        store.blobs.set(id, part.data);
        uploadedFiles[part.filename] = record.url;
        meta.push({ fieldname: record.fieldname, originalname: record.originalname, encoding: record.encoding, mimetype: record.mimetype, size: record.size, url: record.url });
      }
      return ok({ uploadedFiles, meta });
    },
  }),
];
