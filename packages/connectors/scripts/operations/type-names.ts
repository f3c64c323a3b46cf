/** `get-contacts-by-businessId` → `GetContactsByBusinessId`. */
export function pascalCase(text: string): string {
  return text
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word !== '')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
}

/** `ghl.contacts.upsert-contact` → `GhlContactsUpsertContactInput`. */
export function inputTypeName(module: string, operationId: string): string {
  return `Ghl${pascalCase(module)}${pascalCase(operationId)}Input`;
}

export function outputTypeName(module: string, operationId: string): string {
  return `Ghl${pascalCase(module)}${pascalCase(operationId)}Output`;
}

/** `customer.created` → `PushpressCustomerCreatedPayload`. */
export function payloadTypeName(event: string): string {
  return `Pushpress${pascalCase(event)}Payload`;
}
