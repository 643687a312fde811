/**
 * Collective names are compared after normalization, so the same collective filed twice under
 * slightly different spellings is caught: full-width → half-width (ＡＢＣ１２３、（）→ ABC123()),
 * all whitespace removed (including the ideographic space), Latin letters lower-cased.
 */
export function normalizeName(name: string): string {
  let out = '';
  for (const ch of name) {
    const code = ch.codePointAt(0) ?? 0;
    if (code === 0x3000) continue;
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCodePoint(code - 0xfee0);
    else out += ch;
  }
  return out.replace(/\s+/g, '').toLowerCase();
}
