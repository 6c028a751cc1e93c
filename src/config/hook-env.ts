// `dns-hook-env`: the names of the step's variables the user passes to the dns-hook on purpose (README "Validation").
import type { ReportProblem } from './readers.js';

/** Names the hook never gets, whatever dns-hook-env says (src/validation/hook.ts withholds them too). */
const NEVER_PASSED = /^(INPUT_|STATE_|ALIBABA_CLOUD_|ALICLOUD_|ALIBABACLOUD_)/i;

/** Pure: `dns-hook-env`, the step's variables passed to the hook besides the basics; a name it may not pass fails. */
export function parseHookEnv(raw: string, fail: ReportProblem): string[] {
  const names = raw
    .split(/[\s,]+/)
    .map((n) => n.trim())
    .filter(Boolean);
  const malformed = names.filter((n) => !/^[A-Za-z_][A-Za-z0-9_]*$/.test(n));
  if (malformed.length > 0) fail('dns-hook-env', `must list variable names (got ${malformed.join(', ')})`);
  const refused = names.filter((n) => NEVER_PASSED.test(n));
  if (refused.length > 0) {
    fail(
      'dns-hook-env',
      `cannot pass ${refused.join(', ')}: the hook never gets the Alibaba Cloud credentials, the inputs or the ` +
        'state; give the hook its own DNS provider credentials instead',
    );
  }
  return names.filter((n) => !malformed.includes(n) && !refused.includes(n));
}
