/**
 * Descriptions as plain text: GHL's documents put HTML in some (`<a href>` links, `<br/>`
 * breaks, `&nbsp;`). Only real HTML tags are removed: a placeholder such as
 * `<YYYY-MM-DD in local timezone>` inside a description stays. A link keeps its address.
 */

const TAGS = 'a|abbr|b|br|code|div|em|h[1-6]|hr|i|li|ol|p|pre|small|span|strong|sub|sup|table|tbody|td|th|thead|tr|u|ul';
const LINK = /<a\b[^>]*?\bhref\s*=\s*(["'])(.*?)\1[^>]*>(.*?)<\/a\s*>/gis;
const BREAK = /(?:<br\s*\/?>|<\/p\s*>|<p\b[^<>]*>)+/gi;
const TAG = new RegExp(`</?(?:${TAGS})(?:\\s[^<>]*)?/?>`, 'gi');

const ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number.parseInt(name.slice(1), 10));
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** `See <a href="https://x">the list</a><br/>here&nbsp;now` → `See the list (https://x) here now`. */
export function plainText(text: string): string {
  const linked = text.replace(LINK, (_whole, _quote: string, href: string, label: string) => {
    const words = label.replace(TAG, ' ').trim();
    return words === '' || words === href ? href : `${words} (${href})`;
  });
  // A line or paragraph break ends a sentence: "here<br/><br/>The API" → "here. The API".
  const sentences = linked.split(BREAK).map((part) => decodeEntities(part.replace(TAG, ' ')).replace(/\s+/g, ' ').trim()).filter((part) => part !== '');
  return sentences.map((part, index) => (index < sentences.length - 1 && !/[.!?:;]$/.test(part) ? `${part}.` : part)).join(' ');
}

/** Whether `text` holds an HTML tag or entity (what `plainText` removes). */
export function hasHtml(text: string): boolean {
  TAG.lastIndex = 0;
  return TAG.test(text) || /&(#x[0-9a-f]+|#\d+|[a-z]+);/i.test(text);
}
