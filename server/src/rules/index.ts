import { clientIpAlwaysOn } from './client-ip-always-on';
import { clientIpIneffectiveOption } from './client-ip-ineffective-option';
import { clientIpIpBackend } from './client-ip-ip-backend';
import { clientIpLostInCluster } from './client-ip-lost-in-cluster';
import { clientIpNat64Conflict } from './client-ip-nat64-conflict';
import { clientIpSameServer } from './client-ip-same-server';
import { clientIpSgNotEnforced } from './client-ip-sg-not-enforced';
import { clientIpSharedL4Off } from './client-ip-shared-l4-off';
import { clientIpUnsupportedArgument } from './client-ip-unsupported-argument';
import { clientIpXffRemoved } from './client-ip-xff-removed';
import { elbAnnotationUnknown } from './elb-annotation-unknown';
import type { Rule } from './types';

/** Every rule, in the order of the catalogue. Adding a rule means adding it here. */
export const RULES: readonly Rule[] = [
  clientIpAlwaysOn,
  clientIpUnsupportedArgument,
  clientIpIpBackend,
  clientIpSameServer,
  clientIpSharedL4Off,
  clientIpXffRemoved,
  clientIpSgNotEnforced,
  clientIpNat64Conflict,
  clientIpIneffectiveOption,
  clientIpLostInCluster,
  elbAnnotationUnknown,
];

export function findRule(id: string): Rule | undefined {
  return RULES.find((rule) => rule.meta.id === id);
}
