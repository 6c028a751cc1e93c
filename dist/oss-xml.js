// Pure: the little XML that OSS answers and takes (flat elements, no attributes read, no namespaces), so no
// XML library joins the bundle. Text is unescaped on reading and escaped on writing.
const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
function unescapeXml(text) {
    return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (whole, entity) => {
        if (entity.startsWith('#x') || entity.startsWith('#X'))
            return String.fromCodePoint(Number.parseInt(entity.slice(2), 16));
        if (entity.startsWith('#'))
            return String.fromCodePoint(Number(entity.slice(1)));
        return ENTITIES[entity.toLowerCase()] ?? whole;
    });
}
function escapeXml(text) {
    return text.replace(/[&<>"']/g, (c) => `&${Object.keys(ENTITIES).find((k) => ENTITIES[k] === c)};`);
}
/** The inner text of every `<name>…</name>` (or `<name attr="…">`) in `xml`, outermost first, in order. */
function xmlElements(xml, name) {
    const pattern = new RegExp(`<${name}(?:\\s[^>]*)?>([\\s\\S]*?)</${name}>|<${name}(?:\\s[^>]*)?/>`, 'g');
    return [...xml.matchAll(pattern)].map((match) => match[1] ?? '');
}
/** The unescaped text of the first `<name>` in `xml`, or undefined. */
function xmlText(xml, name) {
    const [first] = xmlElements(xml, name);
    return first === undefined ? undefined : unescapeXml(first.trim());
}
/** `xml` without its `<name>` elements (a parent's own `<Status>`, not its child's). */
function withoutElements(xml, name) {
    return xml.replace(new RegExp(`<${name}(?:\\s[^>]*)?>[\\s\\S]*?</${name}>|<${name}(?:\\s[^>]*)?/>`, 'g'), '');
}
/** `{ A: { B: 'x' } }` → `<A><B>x</B></A>`, in the order given; undefined fields left out. */
function toXml(tree) {
    return Object.entries(tree)
        .filter(([, value]) => value !== undefined)
        .map(([name, value]) => {
        const inner = typeof value === 'object' ? toXml(value) : escapeXml(String(value));
        return `<${name}>${inner}</${name}>`;
    })
        .join('');
}

export { xmlText as a, toXml as t, withoutElements as w, xmlElements as x };
