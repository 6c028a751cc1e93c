// Pure: the little XML that OSS answers and takes (flat elements, no attributes read, no namespaces), so no
// XML library joins the bundle. Text is unescaped on reading and escaped on writing.

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (whole, entity: string) => {
    if (entity.startsWith('#x') || entity.startsWith('#X'))
      return String.fromCodePoint(Number.parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(Number(entity.slice(1)));
    return ENTITIES[entity.toLowerCase()] ?? whole;
  });
}

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&${Object.keys(ENTITIES).find((k) => ENTITIES[k] === c)};`);
}

/** The inner text of every `<name>…</name>` (or `<name attr="…">`) in `xml`, outermost first, in order. */
export function xmlElements(xml: string, name: string): string[] {
  const pattern = new RegExp(`<${name}(?:\\s[^>]*)?>([\\s\\S]*?)</${name}>|<${name}(?:\\s[^>]*)?/>`, 'g');
  return [...xml.matchAll(pattern)].map((match) => match[1] ?? '');
}

/** The unescaped text of the first `<name>` in `xml`, or undefined. */
export function xmlText(xml: string, name: string): string | undefined {
  const [first] = xmlElements(xml, name);
  return first === undefined ? undefined : unescapeXml(first.trim());
}

/** `xml` without its `<name>` elements (a parent's own `<Status>`, not its child's). */
export function withoutElements(xml: string, name: string): string {
  return xml.replace(
    new RegExp(`<${name}(?:\\s[^>]*)?>[\\s\\S]*?</${name}>|<${name}(?:\\s[^>]*)?/>`, 'g'),
    '',
  );
}

export type XmlTree = { [name: string]: string | boolean | XmlTree | undefined };

/** `{ A: { B: 'x' } }` → `<A><B>x</B></A>`, in the order given; undefined fields left out. */
export function toXml(tree: XmlTree): string {
  return Object.entries(tree)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => {
      const inner = typeof value === 'object' ? toXml(value as XmlTree) : escapeXml(String(value));
      return `<${name}>${inner}</${name}>`;
    })
    .join('');
}
