import type { Listener } from '../model/elb';
import type { ConfigAttribute } from '../parse/config';

/** CCE's access-control annotations: IP address group ids, whether the control is on, and white or black. */
const ACL_ID = 'kubernetes.io/elb.acl-id';
const ACL_STATUS = 'kubernetes.io/elb.acl-status';
const ACL_TYPE = 'kubernetes.io/elb.acl-type';

/**
 * Whether a Service's listeners restrict clients with a white list (`kubernetes.io/elb.acl-*`):
 * on (`on`/`true`), of type `white`, naming at least one IP address group. An empty id allows
 * every address; undefined when a value cannot be read.
 */
export function serviceAccessControl(
  annotations: ReadonlyMap<string, ConfigAttribute>,
  text: (attribute: ConfigAttribute | undefined) => string | undefined,
): Listener['accessControl'] {
  const written = [ACL_ID, ACL_STATUS, ACL_TYPE].map((name) => annotations.get(name));
  if (written.every((a) => a === undefined)) return 'none';
  const [id, status, type] = written.map((a) => (a === undefined ? null : text(a)?.trim().toLowerCase()));
  if (id === undefined || status === undefined || type === undefined) return undefined;
  if (id === null || id === '' || status === 'off' || status === 'false' || type === 'black') return 'none';
  return (status === 'on' || status === 'true') && type === 'white' ? 'white-list' : undefined;
}
