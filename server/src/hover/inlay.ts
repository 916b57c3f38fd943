import { rangeContains, type InlayHint, type Range } from '../core/types';
import type { ConfigBlock } from '../parse/config';
import type { ElbModel } from '../model/elb';
import { inlayLabel, portInlayLabel } from './hover';

/**
 * One inlay hint per listener block of the file (within `range`, when given), after its
 * protocol: the client-IP state, or "differs by instance" with each instance's in the tooltip.
 */
export function listenerInlayHints(model: ElbModel, filePath: string, range: Range | undefined): InlayHint[] {
  const hints: InlayHint[] = [];
  const seen = new Set<ConfigBlock>();
  for (const listener of model.listeners) {
    if (listener.file.path !== filePath || seen.has(listener.block)) continue;
    seen.add(listener.block);
    const protocol = listener.block.attributes.get('protocol');
    const anchor = protocol ? protocol.range.end : listener.block.headerRange.end;
    if (range && !rangeContains(range, anchor)) continue;
    // One hint per block: the instances' states when they differ.
    const instances = model.listeners.filter((l) => l.block === listener.block);
    const labels = [...new Set(instances.map(portInlayLabel))];
    if (labels.length === 1) hints.push({ position: anchor, label: labels[0], tooltip: listener.clientIp.explanation });
    else {
      hints.push({
        position: anchor,
        label: 'client IP: differs by instance',
        tooltip: instances.map((l) => `${l.address}: ${inlayLabel(l)}`).join('\n'),
      });
    }
  }
  return hints;
}
