/**
 * The `kubernetes.io/elb.*` Service annotations of the two controllers that turn a
 * Kubernetes Service into ELB listeners, with where each name is documented. docs/kubernetes.md
 * gives the sources in full; this table is what the code needs of them.
 *
 * - CCE (Huawei Cloud and Open Telekom Cloud Cloud Container Engine): the CCE user guide,
 *   "Configuring Advanced Load Balancing Functions Using Annotations" (cce_10_0385) and the
 *   pages it links, for Services and for LoadBalancer Ingresses.
 * - OSS: the open-source controller kubernetes-sigs/cloud-provider-huaweicloud, its
 *   docs/usage-guide.md and the annotation constants in pkg/cloudprovider/huaweicloud.
 */

export type ControllerFamily = 'cce' | 'oss';

export const ELB_PREFIX = 'kubernetes.io/elb.';

export const CLASS_ANNOTATION = 'kubernetes.io/elb.class';
export const ID_ANNOTATION = 'kubernetes.io/elb.id';
export const AUTOCREATE_ANNOTATION = 'kubernetes.io/elb.autocreate';

/** The client-IP annotation each controller reads. */
export const CLIENT_IP_ANNOTATION: Record<ControllerFamily, string> = {
  cce: 'kubernetes.io/elb.transparent-client-ip',
  oss: 'kubernetes.io/elb.enable-transparent-client-ip',
};

/** CCE: Layer-7 listeners per port, `"https:443,http:80"`. */
export const PROTOCOL_PORT_ANNOTATION = 'kubernetes.io/elb.protocol-port';
/** CCE: intra-cluster access to the load balancer's address goes through the load balancer. */
export const PASS_THROUGH_ANNOTATION = 'kubernetes.io/elb.pass-through';
/** OSS: a certificate makes every listener TERMINATED_HTTPS. */
export const OSS_TLS_ANNOTATION = 'kubernetes.io/elb.default-tls-container-ref';
/** OSS: `'true'` makes every listener HTTP (unless a certificate makes it HTTPS). */
export const OSS_X_FORWARDED_HOST_ANNOTATION = 'kubernetes.io/elb.x-forwarded-host';
/** OSS: dedicated load balancers with cross-VPC backends. */
export const OSS_CROSS_VPC_ANNOTATION = 'kubernetes.io/elb.enable-cross-vpc';

/** `kubernetes.io/elb.class` values: which controller, which load balancer kind. */
export const CLASS_VALUES: Record<string, { family: ControllerFamily; kind: 'shared' | 'dedicated' | undefined; what: string }> = {
  union: { family: 'cce', kind: 'shared', what: 'CCE: a shared load balancer' },
  performance: { family: 'cce', kind: 'dedicated', what: 'CCE: a dedicated load balancer' },
  shared: { family: 'oss', kind: 'shared', what: 'cloud-provider-huaweicloud: a shared load balancer' },
  dedicated: { family: 'oss', kind: 'dedicated', what: 'cloud-provider-huaweicloud: a dedicated load balancer' },
  elasticity: {
    family: 'oss',
    kind: undefined,
    what: 'cloud-provider-huaweicloud: a classic (version I) load balancer, no ELB v2/v3 listener',
  },
  dnat: { family: 'oss', kind: undefined, what: 'cloud-provider-huaweicloud: NAT gateway DNAT rules, no load balancer' },
};

/** CCE Service annotations (OTC and Huawei Cloud CCE user guides). */
const CCE_SERVICE = [
  'acl-id',
  'acl-status',
  'acl-type',
  'adaptive-weight',
  'autocreate',
  'cert-id',
  'class',
  'client-ca-cert-id',
  'client_timeout',
  'custom-eip-id',
  'custom-eip-status',
  'eip-id',
  'enterpriseID',
  'health-check-flag',
  'health-check-option',
  'health-check-options',
  'http2-enable',
  'id',
  'keepalive_timeout',
  'lb-algorithm',
  'member_timeout',
  'pass-through',
  'protocol-port',
  'session-affinity-mode',
  'session-affinity-option',
  'subnet-id',
  'tags',
  'tls-certificate-ids',
  'tls-ciphers-policy',
  'transparent-client-ip',
  // HTTP header switches of Huawei Cloud's Service pages (cce_10_0865; names as in the CCI guide).
  'x-forwarded-port',
  'x-forwarded-for-port',
  'x-forwarded-host',
  'security-pool-protocol',
];

/** CCE LoadBalancer Ingress annotations: not read on a Service, but no misspelling of one either. */
const CCE_INGRESS = [
  'actions',
  'canary',
  'canary-weight',
  'conditions',
  'cors-allow-credentials',
  'cors-allow-headers',
  'cors-allow-methods',
  'cors-allow-origin',
  'cors-expose-headers',
  'cors-max-age',
  'headers',
  'ingress-order',
  'ip',
  'listen-ports',
  'listener-master-ingress',
  'pool-protocol',
  'port',
  'rewrite-target',
  'rule-priority-enabled',
  'security_policy_id',
  'slow-start',
  'slowstart',
  'ssl-redirect',
  'tls-certificate-id',
];

/** Ingress annotations that take a Service or rule name after them (`kubernetes.io/elb.actions.<name>`). */
const PREFIXES = ['actions.', 'conditions.', 'headers.'];

/** cloud-provider-huaweicloud (constants in pkg/cloudprovider/huaweicloud, and docs/usage-guide.md). */
const OSS_SERVICE = [
  'availability-zones',
  'class',
  'connection-limit',
  'default-tls-container-ref',
  'eip-auto-create-option',
  'eip-id',
  'enable-cross-vpc',
  'enable-transparent-client-ip',
  'health-check-flag',
  'health-check-option',
  'id',
  'idle-timeout',
  'keep-eip',
  'l4-flavor-id',
  'l7-flavor-id',
  'lb-algorithm',
  'mark',
  'request-timeout',
  'response-timeout',
  'session-affinity-flag',
  'session-affinity-option',
  'subnet-id',
  'x-forwarded-host',
];

/** Annotations outside `kubernetes.io/elb.` that the CCE guide documents on the same Services. */
const OTHER_KNOWN = ['kubernetes.io/hws-hostNetwork'];

const KNOWN = new Set<string>([...[...CCE_SERVICE, ...CCE_INGRESS, ...OSS_SERVICE].map((n) => ELB_PREFIX + n), ...OTHER_KNOWN]);
const CCE_NAMES = new Set(CCE_SERVICE.map((n) => ELB_PREFIX + n));
const OSS_NAMES = new Set(OSS_SERVICE.map((n) => ELB_PREFIX + n));

/** Every documented name, for suggestions. */
const KNOWN_LIST = [...KNOWN];

export function isKnownAnnotation(name: string): boolean {
  return (
    KNOWN.has(name) ||
    (name.startsWith(ELB_PREFIX) && PREFIXES.some((p) => name.startsWith(ELB_PREFIX + p) && name.length > ELB_PREFIX.length + p.length))
  );
}

/** Whether a controller family documents this Service annotation. */
export function familyReads(family: ControllerFamily, name: string): boolean {
  return (family === 'cce' ? CCE_NAMES : OSS_NAMES).has(name);
}

/** Lower case, `_` as `-`: spellings that differ only there are the same name to a reader. */
function normalize(name: string): string {
  return name.toLowerCase().replace(/_/g, '-');
}

/** Optimal string alignment distance (Damerau–Levenshtein without repeated edits), capped at `max + 1`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prevPrev: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, prevPrev[j - 2] + 1);
      row.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return max + 1;
    prevPrev = prev;
    prev = row;
  }
  return prev[b.length];
}

/**
 * The documented name an unknown annotation most likely misspells: the only one at the
 * smallest distance, when that is one edit (two for names longer than 24 characters), or
 * the same name but for case and `_`/`-`. Undefined when nothing is that close: an
 * annotation ELB Lens does not know may be a new one, and is left alone.
 */
export function suggestAnnotation(name: string, candidates: readonly string[] = KNOWN_LIST): string | undefined {
  if (name.length > 200) return undefined;
  const normalized = normalize(name);
  const max = name.length > 24 ? 2 : 1;
  let best: string | undefined;
  let bestDistance = max + 1;
  let tie = false;
  for (const candidate of candidates) {
    const distance = normalize(candidate) === normalized ? 0 : editDistance(normalized, normalize(candidate), max);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
      tie = false;
    } else if (distance === bestDistance) tie = true;
  }
  return best !== undefined && bestDistance <= max && !tie ? best : undefined;
}

/** A `kubernetes.io/elb.class` value that misspells a known one (one edit, unique). */
export function suggestClassValue(value: string): string | undefined {
  if (Object.prototype.hasOwnProperty.call(CLASS_VALUES, value)) return undefined;
  return suggestAnnotation(value, Object.keys(CLASS_VALUES));
}

/** True for annotation names a misspelling check looks at: ELB-looking `kubernetes.io/` names. */
export function looksLikeElbAnnotation(name: string): boolean {
  return /elb/i.test(name) && /kubernet|k8s/i.test(name) && name.length <= 200;
}
