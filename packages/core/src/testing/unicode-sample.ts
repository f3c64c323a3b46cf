/** A payload with text from many scripts, emoji, combining marks, controls and a lone surrogate. */
export const UNICODE_SAMPLE = {
  name: 'Zoë Ñúñez 山田太郎 محمد 👩🏽‍💻 e\u0301',
  note: 'line1\nline2\ttab "quoted" \\ back \u0000 nul \u2028 sep',
  loneSurrogate: '\ud800',
  'клю́ч 🔑': ['ﬁ', '𝔘𝔫𝔦𝔠𝔬𝔡𝔢'],
} as const;
