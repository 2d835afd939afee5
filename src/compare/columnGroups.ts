/**
 * How the report orders and groups its 21 columns (`--group-by`): in charter order, under the
 * charter's three sections, or under the Ambition each point serves most (src/charter/frame.ts).
 * Each point is in exactly one group; groups without points are left out.
 */
import { AMBITIONS, CHARTER_SECTIONS, POINT_FRAMES } from '../charter/frame.js';

export const GROUP_BY = ['charter', 'section', 'ambition'] as const;
export type GroupBy = (typeof GROUP_BY)[number];

export interface ColumnGroup {
  key: string;
  /** Short, for a heading over the columns; '' where there is one group. */
  label: string;
  /** In full, for a tooltip or a caption. */
  title: string;
  points: number[];
}

export function columnGroups(groupBy: GroupBy): ColumnGroup[] {
  if (groupBy === 'section') {
    return CHARTER_SECTIONS.map((section) => ({
      key: section.id,
      label: section.label,
      title: section.heading,
      points: POINT_FRAMES.filter((frame) => frame.section === section.id).map((frame) => frame.number),
    }));
  }
  if (groupBy === 'ambition') {
    return AMBITIONS.map((ambition) => ({
      key: `ambition-${ambition.number}`,
      label: `Ambition ${ambition.number}`,
      title: `Ambition ${ambition.number}: ${ambition.title}`,
      points: POINT_FRAMES.filter((frame) => frame.ambitions[0] === ambition.number).map((frame) => frame.number),
    })).filter((group) => group.points.length > 0);
  }
  return [{ key: 'charter', label: '', title: 'The 21 charter points, in the order of the form', points: POINT_FRAMES.map((frame) => frame.number) }];
}
