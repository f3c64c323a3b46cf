import { carriesMarker, withMarker } from './effect-marker.js';
import { absent, found, unknowable, type EffectFinder } from './effect-finder.js';
import { answerList, inputPart, inputString, withBodyField } from './input-fields.js';

export interface MarkedBodyFinderOptions {
  /** The creating operation, e.g. `ghl.contacts.create-task`. */
  readonly operationId: string;
  /** The read that lists the contact's records, e.g. `ghl.contacts.get-all-tasks`. */
  readonly listOperationId: string;
  /** The member of the list answer that holds the records, e.g. `tasks`. */
  readonly listField: string;
  /** The member of the create answer that holds the record, e.g. `task`. */
  readonly outputField: string;
  /** The text field of the body that carries the marker. */
  readonly textField: string;
}

/**
 * A finder for records that belong to a contact and have a free-text field: every send puts the
 * request's marker on the last line of that field, and finding lists the contact's records
 * (`GET /contacts/{contactId}/<records>`) for the one that carries it.
 */
export function markedBodyFinder(options: MarkedBodyFinderOptions): EffectFinder {
  const { operationId, listOperationId, listField, outputField, textField } = options;
  return {
    operationId,
    strategy: `the ${outputField} of the contact whose ${textField} carries the request's marker (${listOperationId})`,
    mark(input, marker) {
      const body = inputPart(input, 'body');
      if (body === undefined) return input;
      const text = body[textField];
      // A text field of another type is left for input validation to report.
      if (text !== undefined && typeof text !== 'string') return input;
      return withBodyField(input, textField, withMarker(text, marker));
    },
    async find(input, context) {
      const contactId = inputString(input, 'path', 'contactId');
      if (contactId === undefined) return unknowable(`the request names no contactId whose ${listField} could be searched`);
      const answer = await context.read(listOperationId, { path: { contactId } });
      const record = answerList(answer, listField).find((item) => carriesMarker(item[textField], context.marker));
      return record === undefined ? absent : found({ [outputField]: record });
    },
  };
}
