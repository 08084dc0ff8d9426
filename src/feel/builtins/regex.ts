/**
 * XML Schema / XPath regular expressions (as FEEL `matches`, `replace` and `split` use them) mapped
 * onto JavaScript's RegExp with the `u` flag. Flags: s, m, i, x (strip whitespace), q (literal).
 */
export function xpathRegex(pattern: string, flags: string, global: boolean): RegExp | null {
  if (!/^[smixq]*$/.test(flags)) return null;
  let p = pattern;
  if (flags.includes('q')) p = p.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
  else {
    if (flags.includes('x')) p = stripWhitespace(p);
    // XML Schema has no lazy-less lookbehind, backreferences to undefined groups etc.; reject a few
    // JS-only constructs so that invalid XSD patterns do not silently match.
    if (/\(\?[<=!]/.test(p) || /\\0/.test(p)) return null;
    p = p.replace(/\\p\{IsBasicLatin\}/g, '[\\u0000-\\u007F]');
    p = p.replace(/\\i/g, '[\\p{L}_:]').replace(/\\I/g, '[^\\p{L}_:]').replace(/\\c/g, '[\\p{L}\\p{N}._:\\-]').replace(/\\C/g, '[^\\p{L}\\p{N}._:\\-]');
  }
  // XML Schema class subtraction `[a-z-[aeiou]]` is `[[a-z]--[aeiou]]` in JavaScript's `v` mode.
  const subtraction = /-\[/.test(p) && !flags.includes('q');
  if (subtraction) p = p.replace(/\[([^[\]]+)-\[([^[\]]+)\]\]/g, '[[$1]--[$2]]');
  let js = subtraction ? 'v' : 'u';
  if (flags.includes('s')) js += 's';
  if (flags.includes('m')) js += 'm';
  if (flags.includes('i')) js += 'i';
  if (global) js += 'g';
  try {
    return new RegExp(p, js);
  } catch {
    return null;
  }
}

function stripWhitespace(p: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < p.length; i++) {
    const ch = p[i];
    if (ch === '\\' && inClass) {
      out += ch + (p[i + 1] ?? '');
      i++;
      continue;
    }
    if (ch === '[') inClass = true;
    if (ch === ']') inClass = false;
    if (!inClass && /\s/.test(ch)) continue;
    out += ch;
  }
  return out;
}

/** XPath replacement (`$1`, `\$`, `\\`) to JavaScript replacement (`$1`, `$$`, `\`); null if invalid. */
export function xpathReplacement(r: string): string | null {
  let out = '';
  for (let i = 0; i < r.length; i++) {
    const ch = r[i];
    if (ch === '\\') {
      const n = r[i + 1];
      if (n === '$') out += '$$';
      else if (n === '\\') out += '\\';
      else return null;
      i++;
    } else if (ch === '$') {
      if (!/[0-9]/.test(r[i + 1] ?? '')) return null;
      if (r[i + 1] === '0' && !/[0-9]/.test(r[i + 2] ?? '')) {
        out += '$&';
        i++;
        continue;
      }
      out += '$';
    } else out += ch;
  }
  return out;
}
