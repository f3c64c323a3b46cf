/**
 * Human titles for schema property keys: `dueDate` → "Due date", `contactId` → "Contact ID",
 * `formSubmitRedirectURL` → "Form submit redirect URL". Acronyms stay upper case.
 */

/** Words always written upper case (lower-case spelling → title spelling). */
const ACRONYMS: Readonly<Record<string, string>> = {
  id: 'ID',
  ids: 'IDs',
  url: 'URL',
  urls: 'URLs',
  uri: 'URI',
  ghl: 'GHL',
  dnd: 'DND',
  sms: 'SMS',
  e164: 'E.164',
  api: 'API',
  uuid: 'UUID',
  html: 'HTML',
  ip: 'IP',
  utc: 'UTC',
  iso: 'ISO',
  gmb: 'GMB',
  fb: 'FB',
  mms: 'MMS',
  ai: 'AI',
  sso: 'SSO',
};

/** Keys whose words alone read badly (GHL's spelling slips, compounds, PushPress abbreviations). */
const TITLES: Readonly<Record<string, string>> = {
  WhatsApp: 'WhatsApp',
  FB: 'Facebook',
  GMB: 'Google Business Profile',
  appoinmentPerDay: 'Appointments per day',
  appoinmentPerSlot: 'Appointments per slot',
  enabled2waySync: 'Two-way sync enabled',
  dob: 'Date of birth',
  zip: 'ZIP code',
  line1: 'Address line 1',
  line2: 'Address line 2',
  address1: 'Address',
  q: 'Search text',
  freq: 'Frequency',
  e164: 'E.164 phone number',
  dnd: 'DND (do not disturb)',
  customFields: 'Custom fields',
  field_value: 'Value',
  contentAiEnabled: 'Content AI enabled',
};

/** Splits a key into lower-case words, keeping upper-case runs (`formSubmitRedirectURL` → form, submit, redirect, URL). */
function words(key: string): string[] {
  return key
    .replace(/[eE]164/g, '_e164_')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[\s_\-.]+/)
    .flatMap((word) => (word.toLowerCase() === 'e164' ? [word] : word.replace(/([a-zA-Z])(\d)/g, '$1 $2').split(' ')))
    .filter((word) => word !== '');
}

/** "Due date" for `dueDate`; a boolean's leading "is" is dropped (`isActive` → "Active"). */
export function fieldTitle(key: string, options: { boolean?: boolean } = {}): string {
  const fixed = TITLES[key];
  if (fixed !== undefined) return fixed;
  let parts = words(key);
  if (options.boolean === true && parts.length > 1 && parts[0]?.toLowerCase() === 'is') parts = parts.slice(1);
  const spelled = parts.map((word, index) => {
    const lower = word.toLowerCase();
    const acronym = ACRONYMS[lower];
    if (acronym !== undefined) return acronym;
    if (word.length > 1 && word === word.toUpperCase() && /[A-Z]/.test(word)) return word;
    return index === 0 ? lower.charAt(0).toUpperCase() + lower.slice(1) : lower;
  });
  const text = spelled.join(' ');
  return text === '' ? key : text.charAt(0).toUpperCase() + text.slice(1);
}

function normalized(text: string): string {
  return text
    .toLowerCase()
    .replace(/^(the|a|an)\s+/, '')
    .replace(/[^a-z0-9]/g, '');
}

/** Whether a description only restates its key or title ("Contact Id" for `contactId`, "stage Id" for `pipeline_stage_id`). */
export function restatesKey(description: string, key: string, title = fieldTitle(key)): boolean {
  const text = normalized(description);
  const said = [key, title, fieldTitle(key), fieldTitle(key, { boolean: true })].map(normalized);
  return text === '' || said.some((one) => one.endsWith(text)) || text === `${normalized(key)}s`;
}

/**
 * A description that is a better title than the key: a few words ending with the key
 * ("Opportunity Id" for `id`, "Start date" for `date`) → "Opportunity ID", "Start date".
 */
export function titleFromDescription(description: string, key: string): string | undefined {
  const words = description.trim().split(/\s+/);
  if (words.length < 2 || words.length > 5 || /[.:;,!?()`*]/.test(description)) return undefined;
  const text = normalized(description);
  const own = normalized(key);
  if (own === '' || !text.endsWith(own)) return undefined;
  return words
    .map((word, index) => {
      const acronym = ACRONYMS[word.toLowerCase()];
      if (acronym !== undefined) return acronym;
      if (word.length > 1 && word === word.toUpperCase() && /[A-Z]/.test(word)) return word;
      const lower = word.toLowerCase();
      return index === 0 ? lower.charAt(0).toUpperCase() + lower.slice(1) : lower;
    })
    .join(' ');
}
