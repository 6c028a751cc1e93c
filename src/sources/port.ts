// The certificate-source port: what the modes ask of whichever API serves the certificate, in the flow's words
// (docs/certificate-apis.md). Each source is one folder beside this file and one line of registry.ts; the
// clients it drives stay in src/authority/. A source that cannot do something leaves the operation out, and
// the mode says so (registry.ts, `unsupported`).
import type { CertificateApi, InstanceSummary } from '../authority/port.js';
import type { OrderSummary, PackageState } from '../authority/vocabulary.js';
import type { FlowResult } from '../core/result.js';
import type { HeldCertificate } from '../fleet/decide.js';

/** Which source serves an `issue` run, why, and what the choice read already (so the source does not read it again). */
export interface ChosenApi {
  api: CertificateApi;
  reason: string;
  instanceId?: string;
  orders?: OrderSummary[];
  instances?: InstanceSummary[];
  /** The quota that decided for the order API (it had room when read). */
  quota?: PackageState;
}

/** What a source holds across the account, for `plan`: the certificates, and how the count is named. */
export interface Inventory {
  held: HeldCertificate[];
  /** `order(s)`: in the log line that counts what was read. */
  noun: string;
  /** `Orders read`: the summary's line. */
  heading: string;
}

export interface CertificateSource {
  readonly api: CertificateApi;
  /** For messages: `the 2020 order API`. */
  readonly title: string;
  /**
   * `issue`: find what already exists for these names (reused while not due), resume what is in flight or start
   * once (an uncertain start is reconciled, never retried blindly), present what must be proved, wait, fetch.
   */
  obtain(domains: string[], chosen: ChosenApi): Promise<FlowResult>;
  /** `status` of one certificate (by the id inputs, or by the names); reads only. */
  describe(domains: string[]): Promise<FlowResult>;
  /** `renew` in place; absent: the source cannot (a new certificate is `issue`). */
  renew?(domains: string[]): Promise<FlowResult>;
  /** `cancel`: gives back what is not issued yet; absent: the source cannot. */
  cancel?(domains: string[]): Promise<FlowResult>;
  /** `revoke`: gives back an issued certificate; absent: the source cannot. */
  revoke?(domains: string[]): Promise<FlowResult>;
  /** `status` of the account: adds what this source holds to the report; absent: nothing to add. */
  describeAccount?(result: FlowResult): Promise<void>;
  /** `plan`: everything the source holds, every page; absent: it cannot list by names. */
  inventory?(): Promise<Inventory>;
}
