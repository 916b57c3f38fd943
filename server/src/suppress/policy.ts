import type { RuleSetting } from '../core/options';
import type { Finding } from '../core/types';

/**
 * What the user asked to see: rule settings (`off`, severities) from the configuration, the
 * editor's settings and the command line, applied to findings after the rules ran.
 */

/** Findings of rules set to "off" are dropped; a severity set for a rule replaces its default. */
export function withRuleSettings(findings: Finding[], settings: Record<string, RuleSetting> = {}): Finding[] {
  const out: Finding[] = [];
  for (const finding of findings) {
    const setting = settings[finding.ruleId];
    if (setting === 'off') continue;
    out.push(setting ? { ...finding, severity: setting } : finding);
  }
  return out;
}
