// Every validation provider, loaded only when used. A new DNS provider is its own file and one line here.
// Pure at import time (types only), so the config can take the names from it.
import type { CleanupItem } from './cleanup.js';
import type { ValidationProvider } from './provider.js';

type Loader = () => Promise<ValidationProvider>;

const DNS_PROVIDER_LOADERS = {
  alidns: async () => (await import('./alidns.js')).alidnsProvider,
  manual: async () => (await import('./manual.js')).manualProvider,
  hook: async () => (await import('./hook.js')).hookProvider,
} satisfies Record<string, Loader>;

/** FILE validation under file-validation-root (without it, the user publishes the file: manual). */
const FILE_PROVIDER_LOADER: Loader = async () => (await import('./file.js')).fileProvider;

export type DnsProvider = keyof typeof DNS_PROVIDER_LOADERS;
export const DNS_PROVIDERS = Object.keys(DNS_PROVIDER_LOADERS) as DnsProvider[];

export const loadDnsProvider = (name: DnsProvider): Promise<ValidationProvider> =>
  DNS_PROVIDER_LOADERS[name]();
export const loadFileProvider = FILE_PROVIDER_LOADER;

/** The provider that wrote items of this kind (the post step's way back from the saved ledger). */
export async function providerOfItem(kind: CleanupItem['kind']): Promise<ValidationProvider | undefined> {
  for (const load of [...Object.values(DNS_PROVIDER_LOADERS), FILE_PROVIDER_LOADER]) {
    const provider = await load();
    if (provider.itemKind === kind) return provider;
  }
  return undefined;
}
