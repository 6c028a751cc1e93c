// Where the access key comes from: explicit values first, then the ALIBABA_CLOUD_* environment (later: OIDC).

export interface AccessKeyCredentials {
  accessKeyId: string;
  accessKeySecret: string;
  /** STS token when the key is temporary. */
  securityToken?: string;
}

export function resolveCredentials(
  explicit: { accessKeyId?: string; accessKeySecret?: string; securityToken?: string },
  env: Readonly<Record<string, string | undefined>>,
): Partial<AccessKeyCredentials> {
  const pick = (value: string | undefined, name: string) =>
    value?.trim() ? value.trim() : env[name]?.trim() || undefined;
  return {
    accessKeyId: pick(explicit.accessKeyId, 'ALIBABA_CLOUD_ACCESS_KEY_ID'),
    accessKeySecret: pick(explicit.accessKeySecret, 'ALIBABA_CLOUD_ACCESS_KEY_SECRET'),
    securityToken: pick(explicit.securityToken, 'ALIBABA_CLOUD_SECURITY_TOKEN'),
  };
}
