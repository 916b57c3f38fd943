import type { ConfigAttribute } from '../parse/config';
import { isUnknown, toBool, type Value } from './value';
import type { ClientIpState } from './elb';
import { HTTP_PROTOCOLS, type ClientIpArgType, type LoadBalancerKind } from './providers';

export interface ClientIpInputs {
  kind: LoadBalancerKind;
  protocol: string | undefined;
  argType: ClientIpArgType;
  attribute: ConfigAttribute | undefined;
  /** The attribute's evaluated value. */
  value: Value | undefined;
}

export function writtenBool(value: Value | undefined): boolean | 'unknown' | undefined {
  // null leaves the argument unset, as if it were not written: the default applies.
  if (value === undefined || value === null) return undefined;
  if (isUnknown(value)) return 'unknown';
  const truth = toBool(value);
  return truth === undefined ? 'unknown' : truth;
}

function unknownReason(value: Value | undefined): string {
  if (value === undefined || isUnknown(value)) return value?.reason ?? 'no value';
  const shown =
    typeof value === 'string'
      ? JSON.stringify(value)
      : Array.isArray(value)
        ? 'a list'
        : typeof value === 'object' && value !== null
          ? 'an object'
          : String(value);
  return `${shown} is not a boolean`;
}

/**
 * The effective Transfer Client IP Address state of a listener, from the platform's
 * rules: always on for dedicated load balancers and for HTTP/HTTPS on shared ones;
 * off by default, and switchable, for TCP/UDP on shared ones.
 */
export function effectiveClientIp(inputs: ClientIpInputs): ClientIpState {
  const { kind, protocol, argType, attribute } = inputs;
  const written = writtenBool(inputs.value);
  const base = { attribute, written, ...(written === 'unknown' ? { writtenUnknownReason: unknownReason(inputs.value) } : {}) };
  // Object.assign, not `{ ...base, … }`: V8 gives an object spread and then extended a shape
  // of its own (100,000 of them, 40 MB, for a plan of 50,000 listeners).
  const judged = (judgement: Omit<ClientIpState, keyof typeof base>): ClientIpState => Object.assign(base, judgement);
  const isHttp = protocol !== undefined && HTTP_PROTOCOLS.has(protocol);
  const isL4 = protocol === 'TCP' || protocol === 'UDP';

  if (protocol === 'IP') {
    // Gateway load balancers forward packets to appliances; no page says what happens to the client address.
    return judged({
      state: 'unknown',
      reason: 'unknown',
      explanation:
        'IP listeners belong to gateway load balancers, whose handling of the client address is not documented, so ELB Lens does not judge it',
      canBeDisabled: undefined,
    });
  }
  if (argType === 'none') {
    return judged({
      state: 'on',
      reason: 'always-on',
      explanation: 'this listener type belongs to dedicated load balancers, which always pass the client IP on',
      canBeDisabled: false,
    });
  }
  if (kind === 'dedicated') {
    return judged({
      state: 'on',
      reason: 'always-on',
      explanation:
        protocol === 'TLS'
          ? 'dedicated load balancers always have it on, but TLS listeners do not pass the client IP on themselves: Proxy Protocol does'
          : 'dedicated load balancers always pass the client IP on, for every protocol',
      canBeDisabled: false,
    });
  }
  if (isHttp) {
    return judged({
      state: 'on',
      reason: 'always-on',
      explanation:
        kind === 'shared'
          ? `${protocol} listeners of shared load balancers always pass the client IP on`
          : `${protocol} listeners always pass the client IP on, on shared and dedicated load balancers alike`,
      canBeDisabled: false,
    });
  }
  if (kind === 'shared' && isL4) {
    if (written === true || written === false) {
      return judged({
        state: written ? 'on' : 'off',
        reason: 'explicit',
        explanation: `it is set to ${written} on this shared ${protocol} listener`,
        canBeDisabled: true,
      });
    }
    if (written === 'unknown') {
      return judged({
        state: 'unknown',
        reason: 'unknown',
        explanation: 'its value is only known when Terraform runs',
        canBeDisabled: true,
      });
    }
    return judged({
      state: 'off',
      reason: 'default',
      explanation: `shared ${protocol} listeners leave it off unless it is set to true`,
      canBeDisabled: true,
    });
  }
  // Unknown protocol or unknown load balancer kind: only an explicit "true" decides it.
  if (written === true) {
    return judged({ state: 'on', reason: 'explicit', explanation: 'it is set to true', canBeDisabled: undefined });
  }
  const missing =
    kind === 'unknown' && protocol === undefined
      ? 'the load balancer kind and the protocol are unknown'
      : kind === 'unknown'
        ? 'the load balancer this listener belongs to is not in this module, so its kind (shared or dedicated) is unknown'
        : 'the protocol is unknown';
  return judged({ state: 'unknown', reason: 'unknown', explanation: missing, canBeDisabled: undefined });
}
