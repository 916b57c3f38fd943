import { checkpoint, isAnalysisStop } from '../core/budget';
import { rangeContains, type Finding, type Range } from '../core/types';
import type { ConfigBlock, ConfigFile } from '../parse/config';
import type { ElbModel } from '../model/elb';
import { RULES } from './index';
import type { Rule, RuleReport } from './types';
import { mergeInstanceFindings, type ReportedFinding } from './support/instanceFindings';

/**
 * The one rule engine: every front end (Terraform modules, ELB API JSON, plan JSON) builds
 * an ELB model and hands it here. Findings come out with the rules' default severities;
 * settings are applied afterwards (withRuleSettings), so one run serves every setting.
 */

export interface RuleEngineOptions {
  /** Base for docs links; `<rule-id>.md` is appended. */
  docsBase: string;
  /** Where a failing rule is reported (never a user finding). */
  log?: (message: string) => void;
  /** What was analysed, named in the log line of a failing rule. */
  source?: string;
  /** The rules to run (tests); default: every rule. */
  ruleSet?: readonly Rule[];
  /**
   * false: the findings carry no fixes (generated input such as a plan, where a fix would edit
   * output). The rules still make them; dropped here, they are not kept for every finding.
   */
  fixes?: boolean;
}

/**
 * Runs every rule on the model. A rule that throws is logged and stops there (what it
 * reported before stays); the other rules still run.
 */
export function runRules(model: ElbModel, options: RuleEngineOptions): Finding[] {
  return mergeInstanceFindings(reportRules(model, options));
}

/** runRules before findings of instances are merged: each finding with the model node it is about. */
export function reportRules(model: ElbModel, options: RuleEngineOptions): ReportedFinding[] {
  const findings: ReportedFinding[] = [];
  // Blocks the parser had to repair may be half-typed: say nothing about them. Listed once
  // per file: a search of every block per finding made a plan of 50,000 listeners quadratic.
  const repairedBlocks = new Map<ConfigFile, ConfigBlock[]>();
  const inRepairedBlock = (file: ConfigFile, range: Range): boolean => {
    let repaired = repairedBlocks.get(file);
    if (!repaired) repairedBlocks.set(file, (repaired = file.blocks.filter((b) => b.hasErrors)));
    return repaired.some((b) => rangeContains(b.range, range.start));
  };
  for (const rule of options.ruleSet ?? RULES) {
    checkpoint();
    const report = (reported: RuleReport) => {
      checkpoint();
      const r = atOverride(reported);
      if (inRepairedBlock(r.file, r.range)) return;
      findings.push({
        node: r.node,
        finding: {
          ruleId: rule.meta.id,
          severity: rule.meta.defaultSeverity,
          message: r.message,
          file: r.file.path,
          range: r.range,
          related: r.related ?? [],
          // A fix without edits (a value with no text of its own to change) is no fix.
          fixes: options.fixes === false ? [] : (r.fixes ?? []).filter((fix) => fix.edits.length > 0),
          docsUrl: `${options.docsBase}${rule.meta.id}.md`,
        },
      });
    };
    try {
      rule.check({ model, report });
    } catch (error) {
      // Out of time or memory: the unit stops, not only this rule.
      if (isAnalysisStop(error)) throw error;
      const where = options.source ? ` on ${options.source}` : '';
      options.log?.(`elb-lens: rule ${rule.meta.id} failed${where}: ${error instanceof Error ? error.stack : String(error)}`);
    }
  }
  return findings;
}

/** The attribute or nested block of a block whose own range is `range` (the very object a rule reported): where it is written. */
function writtenAt(block: ConfigBlock, range: Range): { file?: ConfigFile } | undefined {
  for (const attribute of block.attributes.values()) {
    if (attribute.range === range || attribute.nameRange === range || attribute.valueRange === range) return attribute;
  }
  for (const nested of block.blocks) {
    if (nested.range === range || nested.headerRange === range) return nested;
    const found = writtenAt(nested, range);
    if (found) return found;
  }
  return undefined;
}

/**
 * A finding about an argument an override file set (terraform/overrides.ts) is shown there,
 * where the value was written. Its fixes are dropped: they were made for the original file.
 */
function atOverride(report: RuleReport): RuleReport {
  const written = report.node ? writtenAt(report.node.block, report.range) : undefined;
  if (!written?.file) return report;
  return { ...report, file: written.file, fixes: [] };
}
