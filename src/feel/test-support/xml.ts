/** A tiny XML reader for TCK files (test support only): elements, attributes, text, CDATA, entities. */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

function decode(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (_m, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" } as Record<string, string>)[e];
  });
}

const local = (n: string) => n.slice(n.indexOf(':') + 1);

export function parseXml(src: string): XmlElement {
  const root: XmlElement = { name: '#root', attrs: {}, children: [], text: '' };
  const stack = [root];
  let i = 0;
  while (i < src.length) {
    const lt = src.indexOf('<', i);
    if (lt < 0) break;
    if (lt > i) stack[stack.length - 1].text += decode(src.slice(i, lt));
    if (src.startsWith('<!--', lt)) {
      i = src.indexOf('-->', lt) + 3;
    } else if (src.startsWith('<![CDATA[', lt)) {
      const end = src.indexOf(']]>', lt);
      stack[stack.length - 1].text += src.slice(lt + 9, end);
      i = end + 3;
    } else if (src.startsWith('<?', lt) || src.startsWith('<!', lt)) {
      i = src.indexOf('>', lt) + 1;
    } else if (src[lt + 1] === '/') {
      stack.pop();
      i = src.indexOf('>', lt) + 1;
    } else {
      const end = findTagEnd(src, lt);
      const body = src.slice(lt + 1, end);
      const self = body.endsWith('/');
      const m = /^([^\s/>]+)/.exec(body);
      const el: XmlElement = { name: local(m ? m[1] : ''), attrs: {}, children: [], text: '' };
      const re = /([^\s=]+)\s*=\s*("([^"]*)"|'([^']*)')/g;
      let a: RegExpExecArray | null;
      while ((a = re.exec(body))) el.attrs[a[1]] = decode(a[3] ?? a[4] ?? '');
      stack[stack.length - 1].children.push(el);
      if (!self) stack.push(el);
      i = end + 1;
    }
  }
  return root;
}

function findTagEnd(src: string, from: number): number {
  let q: string | null = null;
  for (let i = from; i < src.length; i++) {
    const ch = src[i];
    if (q) {
      if (ch === q) q = null;
    } else if (ch === '"' || ch === "'") q = ch;
    else if (ch === '>') return i;
  }
  return src.length;
}

export const kids = (e: XmlElement, name: string) => e.children.filter((c) => c.name === name);
export const kid = (e: XmlElement, name: string) => e.children.find((c) => c.name === name);
export function attr(e: XmlElement, localName: string): string | undefined {
  for (const [k, v] of Object.entries(e.attrs)) if (local(k) === localName) return v;
  return undefined;
}
