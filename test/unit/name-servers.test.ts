import { describe, expect, it } from 'vitest';
import { parseNameServers } from '../../src/config/name-servers.js';

function read(raw: string) {
  const problems: string[] = [];
  const servers = parseNameServers(raw, (input, problem) => void problems.push(`${input}: ${problem}`));
  return { servers, problems };
}

describe('dns-resolvers', () => {
  it('takes addresses with and without a port, comma- or newline-separated', () => {
    expect(read('1.1.1.1, 127.0.0.1:5353\n2001:db8::1 [2001:db8::2]:53').servers).toEqual([
      '1.1.1.1',
      '127.0.0.1:5353',
      '2001:db8::1',
      '[2001:db8::2]:53',
    ]);
    expect(read('').servers).toEqual([]);
  });

  it('refuses host names, bad ports and bare v6 with a port, naming the input and each entry', () => {
    const { servers, problems } = read('ns1.example.com, 10.0.0.1:0, 10.0.0.1:70000, 999.1.1.1, 8.8.8.8');
    expect(servers).toEqual(['8.8.8.8']);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      /^dns-resolvers: .*ns1\.example\.com, 10\.0\.0\.1:0, 10\.0\.0\.1:70000, 999\.1\.1\.1$/,
    );
  });
});
