import type { RelatedLocation } from '../../core/types';
import type { ConfigBlock, ConfigFile } from '../../parse/config';
import type { Listener, ModelNode } from '../../model/elb';
import { HTTP_PROTOCOLS } from '../../model/providers';

export function related(node: ModelNode, message: string): RelatedLocation {
  return { file: node.file.path, range: node.block.headerRange, message };
}

/** "listener `huaweicloud_elb_listener.web` (TCP)" */
export function describeListener(listener: Listener): string {
  return `listener \`${listener.address}\`${listener.protocol ? ` (${listener.protocol})` : ''}`;
}

export function isHttpListener(listener: Listener): boolean {
  return listener.protocol !== undefined && HTTP_PROTOCOLS.has(listener.protocol);
}

/** The listener's relation to its load balancer, for related locations. */
export function loadBalancerRelated(listener: Listener): RelatedLocation[] {
  return listener.loadBalancer ? [related(listener.loadBalancer, `${listener.kind} load balancer of this listener`)] : [];
}

/**
 * The listener's client-IP switch: `transparent_client_ip_enable` in its own block, or the
 * setting the model names (a Service annotation), with how a value is written to it in text.
 */
export function clientIpSwitch(listener: Listener): { name: string; block: ConfigBlock; assignment(value: string): string } {
  const setting = listener.clientIp.setting;
  if (setting)
    return { name: setting.name, block: setting.block, assignment: (value) => settingAssignment(listener.file, setting.name, value) };
  const name = 'transparent_client_ip_enable';
  return { name, block: listener.block, assignment: (value) => `${name} = ${value}` };
}

/** `name: value` in YAML, `name = value` in Terraform (the name quoted where it is no identifier, as an annotation's). */
export function settingAssignment(file: ConfigFile, name: string, value: string): string {
  if (file.format === 'yaml') return `${name}: ${value}`;
  return `${/^[A-Za-z_][A-Za-z0-9_-]*$/.test(name) ? name : JSON.stringify(name)} = ${value}`;
}

/**
 * A finding's message: the problem in one short sentence first (what the Problems panel and a
 * CI log line show before they cut it off), then the resource, the reason and the remedy.
 */
export function findingMessage(problem: string, ...details: string[]): string {
  return [problem, ...details]
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
    .join(' ');
}

/**
 * The first sentence of a message: up to the first `.`, `!` or `?` followed by a space or the
 * end, outside backticks (addresses such as `huaweicloud_elb_listener.web` hold dots).
 */
export function firstSentence(message: string): string {
  let inCode = false;
  for (let i = 0; i < message.length; i++) {
    const c = message[i];
    if (c === '`') inCode = !inCode;
    else if (!inCode && (c === '.' || c === '!' || c === '?') && (i + 1 === message.length || message[i + 1] === ' ')) {
      return message.slice(0, i + 1);
    }
  }
  return message;
}

/** "listener `x` (TCP)" → "Listener `x` (TCP)", to start a sentence. */
export function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
