import type { Fix } from '../core/types';
import { removeAttribute, renameAttribute, replaceValue } from '../fixes/edits';
import { yamlMoveEntry } from '../fixes/yamlEdits';
import { findingMessage, related } from './support/messages';
import { docsPath, type Rule } from './types';

const id = 'elb-annotation-unknown';

/** A setting the platform does not read (a misspelled `kubernetes.io/elb.*` annotation), with what was probably meant. */
export const elbAnnotationUnknown: Rule = {
  meta: {
    id,
    defaultSeverity: 'warning',
    summary: 'A kubernetes.io/elb.* annotation (or class value) that the controller does not read.',
    docsUrl: docsPath(id),
  },
  check({ model, report }) {
    for (const item of model.unrecognized ?? []) {
      const { node, attribute, suggestion } = item;
      const fixes: Fix[] = [];
      const owner = item.block ?? node.block.blocks.find((b) => b.attributes.get(attribute.name) === attribute) ?? node.block;
      if (item.belongsIn && node.file.format === 'yaml') {
        fixes.push({
          title: `Move ${attribute.name} to ${item.belongsIn.name}`,
          edits: yamlMoveEntry(node.file, owner, attribute, item.belongsIn),
          isPreferred: false,
        });
      } else if (suggestion && item.part === 'value') {
        fixes.push({
          title: `Change it to ${suggestion}`,
          edits: replaceValue(node.file, attribute, JSON.stringify(suggestion)),
          isPreferred: false,
        });
      } else if (suggestion && !item.suggestionWritten) {
        fixes.push({
          title: `Rename it to ${suggestion}`,
          edits: renameAttribute(node.file, attribute, suggestion, owner),
          isPreferred: false,
        });
      } else if (suggestion) {
        fixes.push({
          title: `Remove ${attribute.name} (${suggestion} is set too)`,
          edits: removeAttribute(node.file, owner, attribute),
          isPreferred: false,
        });
      }
      const meant =
        suggestion === undefined
          ? ''
          : item.part === 'value'
            ? ` Did you mean \`${suggestion}\`?`
            : item.suggestionWritten
              ? ` \`${suggestion}\` is written too, and that one is read.`
              : ` Did you mean \`${suggestion}\`?`;
      report({
        node,
        file: node.file,
        range: item.part === 'value' ? attribute.valueRange : attribute.nameRange,
        message: findingMessage(item.problem, `${item.reason}.`, meant),
        related: [related(node, 'the Service')],
        fixes,
      });
    }
  },
};
