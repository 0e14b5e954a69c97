// :::roles — role-play roles: a `###` heading per role, `**Aim:** ...`, and a list of talking points.
import type { Role } from '../model.ts';
import { afterLeadingLabel, plainText } from '../inline-text.ts';
import { blockError, type BlockParser } from './block-context.ts';

const SHAPE = '`### Role name`, then `**Aim:** what they want`, then a list of talking points';

export const parseRoles: BlockParser = (node, file) => {
  const roles: Role[] = [];
  for (const child of node.children) {
    const role = roles.at(-1);
    if (child.type === 'heading') {
      roles.push({ name: plainText(child), points: [] });
    } else if (!role) {
      blockError(file, child, `Each role in :::roles starts with a heading. Write: ${SHAPE}.`);
    } else if (child.type === 'paragraph') {
      const aim = afterLeadingLabel(plainText(child), 'Aim');
      if (aim !== undefined && role.aim === undefined) role.aim = aim;
      else role.points.push(plainText(child));
    } else if (child.type === 'list') {
      role.points.push(...child.children.map((item) => plainText(item)));
    } else {
      blockError(file, child, `Inside :::roles, write for each role: ${SHAPE}.`);
    }
  }
  if (roles.length === 0 && node.children.length === 0) blockError(file, node, `The :::roles block is empty. Write for each role: ${SHAPE}.`);
  return roles.length > 0 ? { kind: 'roles', roles } : undefined;
};
