// The Alibaba Cloud regions this action knows (the public regions of the China and international sites). A region
// newer than this list works when `endpoint` is set: the user then names where CAS answers (README, "Troubleshooting").
import { didYouMean } from './near-miss.js';

export const KNOWN_REGIONS: readonly string[] = [
  'cn-hangzhou',
  'cn-shanghai',
  'cn-qingdao',
  'cn-beijing',
  'cn-zhangjiakou',
  'cn-huhehaote',
  'cn-wulanchabu',
  'cn-shenzhen',
  'cn-heyuan',
  'cn-guangzhou',
  'cn-chengdu',
  'cn-nanjing',
  'cn-fuzhou',
  'cn-wuhan-lr',
  'cn-hongkong',
  'cn-shanghai-finance-1',
  'cn-shenzhen-finance-1',
  'cn-beijing-finance-1',
  'cn-north-2-gov-1',
  'ap-southeast-1',
  'ap-southeast-2',
  'ap-southeast-3',
  'ap-southeast-5',
  'ap-southeast-6',
  'ap-southeast-7',
  'ap-northeast-1',
  'ap-northeast-2',
  'ap-south-1',
  'us-east-1',
  'us-west-1',
  'na-south-1',
  'eu-west-1',
  'eu-central-1',
  'me-east-1',
  'me-central-1',
];

export const isKnownRegion = (region: string): boolean => KNOWN_REGIONS.includes(region.toLowerCase());

/** Why a region is refused, or nothing: an unknown one passes only with `endpoint` set (a new region). */
export function regionProblem(region: string, endpointGiven: boolean): string | undefined {
  if (isKnownRegion(region) || endpointGiven) return undefined;
  return (
    `is not an Alibaba Cloud region (got '${region}')${didYouMean(region, KNOWN_REGIONS)}` +
    ' (a region newer than this action: set endpoint too)'
  );
}
