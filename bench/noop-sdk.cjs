// The bench's yardstick: the same scheduled check as a no-op run of the action (list the orders for the domain,
// read the latest issued one, report whether it is due), written on the official SDK as a user script would be.
const Cas = require('@alicloud/cas20200407');
const { $OpenApiUtil } = require('@alicloud/openapi-core');

const env = process.env;
const client = new Cas.default(
  new $OpenApiUtil.Config({
    accessKeyId: env.BENCH_ACCESS_KEY_ID,
    accessKeySecret: env.BENCH_ACCESS_KEY_SECRET,
    endpoint: env.BENCH_ENDPOINT,
    protocol: 'http',
  }),
);

async function main() {
  const domain = env.BENCH_DOMAIN;
  const list = await client.listUserCertificateOrder(
    new Cas.ListUserCertificateOrderRequest({
      keyword: domain,
      orderType: 'CPACK',
      currentPage: 1,
      showSize: 50,
    }),
  );
  const issued = (list.body.certificateOrderList ?? [])
    .filter((order) => order.status === 'ISSUED' && order.domain === domain)
    .sort((a, b) => (b.certEndTime ?? 0) - (a.certEndTime ?? 0))[0];
  if (!issued) throw new Error(`no issued certificate for ${domain}`);
  const state = await client.describeCertificateState(
    new Cas.DescribeCertificateStateRequest({ orderId: issued.orderId }),
  );
  const days = Math.floor((issued.certEndTime - Date.now()) / 86_400_000);
  console.log(`${state.body.type}: ${days} days left, ${days > 30 ? 'unchanged' : 'due'}`);
}

main().catch((error) => {
  console.error(error.message);
  process.exit(1);
});
