// Pure: how the resources of a kind are written, one rule per kind, shared by the targets that take that kind
// (registry.ts names each target's). config/config.ts reads the deploy inputs through them, before any call.
import { checkDomain, parseDomainList } from '../core/domains.js';
import type { ResourceRule } from './target.js';

/** Accelerated domains (CDN, DCDN): a wildcard domain may be written `*.example.com` or `.example.com`. */
export const acceleratedDomains: ResourceRule = (text) => {
  const resources = parseDomainList(text);
  const problems: string[] = [];
  for (const name of resources) {
    const problem = checkDomain(name.startsWith('.') ? `*${name}` : name);
    if (problem) problems.push(problem);
  }
  return { resources, problems };
};

/** A regional resource as a `deploy` line writes it: `lsn-1@cn-hangzhou sni` → id, region, extension. */
export interface RegionalResource {
  id: string;
  /** Absent: the `region` input's (TargetOptions.region). */
  region?: string;
  /** ` sni`: an extension (SNI) certificate, not the default one. */
  sni: boolean;
}

const REGION_SHAPE = /^[a-z]{2,}(-[a-z0-9]+)+$/;

/**
 * Reads `<id>[@<region>][ sni]`; the id's shape is the target's (`parseRegionalResource(text).id`). Where the
 * product's ids end in a port (an NLB listener's `lsn-1@443`), digits after the last `@` are the id's, not a region.
 */
export function parseRegionalResource(text: string, idMayEndInPort = false): RegionalResource {
  const words = text.trim().split(/\s+/);
  const sni = words.length > 1 && words[words.length - 1]?.toLowerCase() === 'sni';
  const [address = ''] = words;
  const at = address.lastIndexOf('@');
  if (at < 0 || (idMayEndInPort && /^\d+$/.test(address.slice(at + 1)))) return { id: address, sni };
  return { id: address.slice(0, at), region: address.slice(at + 1), sni };
}

/**
 * The rule of a target whose resources are `<id>[@<region>][ sni]`: one resource a line, the id checked against
 * its target's shape (`lsn-…` for an ALB listener), `sni` only where the product has extension certificates.
 */
export function regionalResources(shape: {
  /** How the product writes the id: `/^lsn-[a-z0-9]+$/`. */
  id: RegExp;
  /** For the message: `an ALB listener id (lsn-…)`. */
  what: string;
  /** How a line looks: `alb: lsn-xxxx@cn-hangzhou`. */
  example: string;
  sni: boolean;
  /** The product's ids may end in `@<port>` (`lsn-1@443`, NLB). */
  idMayEndInPort?: boolean;
}): ResourceRule {
  return (text) => {
    const problems: string[] = [];
    const lines = text
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter(Boolean);
    for (const line of lines) {
      const words = line.split(/\s+/);
      const parsed = parseRegionalResource(line, shape.idMayEndInPort);
      const extra = words.length > (parsed.sni ? 2 : 1);
      if (!shape.id.test(parsed.id) || extra) {
        problems.push(
          `'${line}' is not ${shape.what}${extra ? ' followed at most by sni' : ''} (as in ${shape.example})`,
        );
      } else if (parsed.region !== undefined && !REGION_SHAPE.test(parsed.region)) {
        problems.push(
          `'${line}' names region '${parsed.region}', which is not a region id (as in ${shape.example})`,
        );
      } else if (parsed.sni && !shape.sni) {
        problems.push(`'${line}': this product takes no extension (SNI) certificates; remove ' sni'`);
      }
    }
    return { resources: lines, problems };
  };
}

/** ESA answers for the China site and the international one, each with its own sites. */
export const ESA_REGIONS = ['cn-hangzhou', 'ap-southeast-1'] as const;
const SITE_SHAPE = /^(\d{1,19}|(?=.{1,253}$)([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)+[a-z][a-z0-9-]*[a-z0-9])$/i;
const esaSiteRule = regionalResources({
  id: SITE_SHAPE,
  what: 'an ESA site, by its name or its numeric id',
  example: 'esa: example.com',
  sni: false,
});

/** `esa: <site name or id>[@cn-hangzhou|@ap-southeast-1]`, one a line. */
export const esaSites: ResourceRule = (text) => {
  const read = esaSiteRule(text);
  // Every certificate of a site is picked by hostname (src/deploy/esa.ts): ` sni` adds nothing.
  const problems = read.problems.map((p) =>
    p.endsWith("takes no extension (SNI) certificates; remove ' sni'")
      ? p.replace(
          'this product takes no extension (SNI) certificates',
          'ESA picks every certificate of a site by hostname already',
        )
      : p,
  );
  for (const line of read.resources) {
    const { region } = parseRegionalResource(line);
    if (read.problems.some((p) => p.includes(`'${line}'`)) || region === undefined) continue;
    if (!(ESA_REGIONS as readonly string[]).includes(region))
      problems.push(
        `'${line}' names region '${region}', where ESA has no endpoint (${ESA_REGIONS.join(' or ')})`,
      );
  }
  return { resources: read.resources, problems };
};

/** WAF 3.0 answers for the Chinese mainland (`cn-hangzhou`) and outside it (`ap-southeast-1`), one instance each. */
export const WAF_REGIONS = ['cn-hangzhou', 'ap-southeast-1'] as const;
/** A cloud resource's access port: its instance id (CLB `lb-…`, NLB `nlb-…`, ECS `i-…`) and port. */
export const WAF_PORT_SHAPE =
  /^((?:lb|nlb|i)-[a-z0-9]+):([1-9]\d{0,3}|[1-5]\d{4}|6[0-4]\d{3}|65[0-4]\d{2}|655[0-2]\d|6553[0-5])$/;
const WAF_EXAMPLE = 'waf: www.example.com, or waf: lb-xxxx:443 sni';

/**
 * `waf: <domain>[@region]` (a CNAME-access domain, one certificate) or `waf: <resource id>:<port>[@region][ sni]`
 * (a cloud-resource access port; ` sni` adds an extension certificate), one a line (docs/deploy.md).
 */
export const wafResources: ResourceRule = (text) => {
  const problems: string[] = [];
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  for (const line of lines) {
    const words = line.split(/\s+/);
    const { id, region, sni } = parseRegionalResource(line);
    const port = WAF_PORT_SHAPE.test(id);
    const domainProblem = port ? undefined : checkDomain(id);
    if (words.length > (sni ? 2 : 1) || (!port && (domainProblem || /^[a-z]+-[a-z0-9]+:/.test(id)))) {
      problems.push(
        `'${line}' is not a WAF CNAME-access domain or a cloud resource's port (<lb-…|nlb-…|i-…>:<port>) followed at most by sni (as in ${WAF_EXAMPLE})`,
      );
    } else if (region !== undefined && !(WAF_REGIONS as readonly string[]).includes(region)) {
      problems.push(
        `'${line}' names region '${region}', where WAF 3.0 has no instance (${WAF_REGIONS.join(' or ')}: the Chinese mainland, or outside it)`,
      );
    } else if (sni && !port) {
      problems.push(
        `'${line}': a CNAME-access domain serves one certificate; remove ' sni' (extension certificates are a cloud resource's port's)`,
      );
    }
  }
  return { resources: lines, problems };
};
