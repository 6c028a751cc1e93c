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
