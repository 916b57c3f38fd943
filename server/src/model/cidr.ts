/** IPv4 address/CIDR arithmetic for white-list checks. IPv6 is not matched (never a finding). */

function ipv4ToNumber(text: string): number | undefined {
  const parts = text.trim().split('.');
  if (parts.length !== 4) return undefined;
  let result = 0;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part)) return undefined;
    const n = Number(part);
    if (n > 255) return undefined;
    result = result * 256 + n;
  }
  return result;
}

export function isIpv4(text: string): boolean {
  return ipv4ToNumber(text) !== undefined;
}

/** True when `address` lies in `cidr` ("10.0.0.0/24", or a single address). */
export function addressInCidr(address: string, cidr: string): boolean {
  const ip = ipv4ToNumber(address);
  if (ip === undefined) return false;
  const [base, bitsText] = cidr.trim().split('/');
  const network = ipv4ToNumber(base);
  if (network === undefined) return false;
  const bits = bitsText === undefined ? 32 : Number(bitsText);
  if (!Number.isInteger(bits) || bits < 0 || bits > 32) return false;
  if (bits === 0) return true;
  const size = 2 ** (32 - bits);
  return Math.floor(ip / size) === Math.floor(network / size);
}
