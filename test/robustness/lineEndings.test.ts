import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { run, tempTree } from '../cli/harness';

/**
 * Issue 28, item 7: CR-only line endings (old Mac files) are line breaks everywhere. A YAML
 * manifest written with them was read as one line and silently left unchecked.
 */

const SERVICE = `apiVersion: v1
kind: Service
metadata:
  name: web
  annotations:
    # dedicated load balancer
    kubernetes.io/elb.class: performance
    kubernetes.io/elb.transparent-client-ip: "false"
spec:
  type: LoadBalancer
  ports:
  - port: 80
    protocol: TCP
`;

const LISTENER = `resource "huaweicloud_elb_listener" "web" {
  loadbalancer_id              = "lb"
  protocol                     = "TCP"
  transparent_client_ip_enable = false
}
`;

/** The compact report of one file written with the given line ending, with the file name made the same. */
async function findingsWith(name: string, text: string, eol: string): Promise<string> {
  const dir = tempTree({ [name]: text.replace(/\n/g, eol) });
  const result = await run(['check', '--format', 'compact', dir], { cwd: dir });
  return result.stdout;
}

describe('CR-only line endings are line breaks', () => {
  for (const [name, text] of [
    ['service.yaml', SERVICE],
    ['main.tf', LISTENER],
  ]) {
    test(`${name}: the same findings at the same lines with LF, CRLF and CR`, async () => {
      const lf = await findingsWith(name, text, '\n');
      assert.match(lf, /client-ip-always-on/, 'the LF file has a finding to compare');
      assert.equal(await findingsWith(name, text, '\r\n'), lf, 'CRLF');
      assert.equal(await findingsWith(name, text, '\r'), lf, 'CR');
    });
  }
});
