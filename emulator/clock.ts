// The emulator's notion of "now". Two independent offsets: business time (order dates, expiry) and the
// gateway's time (Timestamp window), so a test can age certificates without tripping clock-skew checks.

export class Clock {
  private businessOffsetMs = 0;
  private gatewayOffsetMs = 0;

  /** Business time in ms: order creation, issuance, expiry, list statuses. */
  now(): number {
    return Date.now() + this.businessOffsetMs;
  }

  /** Time the gateway compares request timestamps against. */
  gatewayNow(): number {
    return Date.now() + this.gatewayOffsetMs;
  }

  setOffset(ms: number): void {
    this.businessOffsetMs = ms;
  }

  setGatewayOffset(ms: number): void {
    this.gatewayOffsetMs = ms;
  }

  offsets(): { businessMs: number; gatewayMs: number } {
    return { businessMs: this.businessOffsetMs, gatewayMs: this.gatewayOffsetMs };
  }
}
