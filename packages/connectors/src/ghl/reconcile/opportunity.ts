import { absent, found, unknowable, type EffectFinder } from './effect-finder.js';
import { answerList, inputString } from './input-fields.js';

/**
 * `create-opportunity`: the opportunity of the same contact in the same pipeline with the same
 * name, by `GET /opportunities/search?location_id=&pipeline_id=&contact_id=&status=all`
 * (opportunities.json). GHL keeps one opportunity per contact and pipeline unless the location
 * allows duplicates; the name keeps an older opportunity of that contact from being taken for the
 * lost one. Answers `{ opportunity }`.
 */
export const createOpportunityFinder: EffectFinder = {
  operationId: 'ghl.opportunities.create-opportunity',
  strategy: 'the opportunity with the same pipelineId, contactId and name (GET /opportunities/search)',
  async find(input, context) {
    const pipelineId = inputString(input, 'body', 'pipelineId');
    const contactId = inputString(input, 'body', 'contactId');
    const name = inputString(input, 'body', 'name');
    const locationId = inputString(input, 'body', 'locationId') ?? context.locationId;
    if (pipelineId === undefined || contactId === undefined || name === undefined || locationId === undefined) {
      return unknowable('the request lacks the locationId, pipelineId, contactId or name that identify the opportunity');
    }
    const answer = await context.read('ghl.opportunities.search-opportunity', {
      query: { location_id: locationId, pipeline_id: pipelineId, contact_id: contactId, status: 'all', limit: 100 },
    });
    // Checked again here in case a server ignores a filter.
    const opportunity = answerList(answer, 'opportunities').find(
      (item) => item['pipelineId'] === pipelineId && item['contactId'] === contactId && item['name'] === name,
    );
    return opportunity === undefined ? absent : found({ opportunity });
  },
};
