/**
 * The national frame of the 21 points: the section of the charter each comes from (seed 002) and
 * the Ambitions for Palliative and End of Life Care 2015-2020 (seed 004) it serves, first the one
 * it serves most. A judgement made by hand from the two documents, kept here once: the JSON
 * output, the report's column groups and the README's table all read it.
 *
 *   CHARTER_SECTIONS, AMBITIONS           the charter's three sections, the framework's six Ambitions
 *   POINT_FRAMES                          one entry a point, in charter order, with why it maps so
 *   pointFrame(number)                    { section, ambitions } for a point's JSON
 *   frameTable()                          the README's markdown table of the mapping
 */
import type { AmbitionNumber, SectionId } from '../model.js';

// The section ids and Ambition numbers are the contract's (a point's JSON carries them), so they
// live in src/model.ts; the frame gives them their words and says which point has which.
export { SECTION_IDS, type AmbitionNumber, type SectionId } from '../model.js';

export interface CharterSection {
  id: SectionId;
  /** Short, for column headings. */
  label: string;
  /** The charter's own heading. */
  heading: string;
}

export const CHARTER_SECTIONS: readonly CharterSection[] = [
  { id: 'social-care-practice', label: 'Social care practice', heading: 'What DASSs will do to ensure effective social care practice in their area' },
  {
    id: 'commissioning-practice',
    label: 'Commissioning practice',
    heading: 'What DASSs will do to promote good commissioning practice in their area',
  },
  { id: 'successful-when', label: 'Successful when…', heading: 'We will have been successful when we know that we:' },
];

export interface Ambition {
  number: AmbitionNumber;
  title: string;
}

export const AMBITIONS: readonly Ambition[] = [
  { number: 1, title: 'Each person is seen as an individual' },
  { number: 2, title: 'Each person gets fair access to care' },
  { number: 3, title: 'Maximising comfort and wellbeing' },
  { number: 4, title: 'Care is coordinated' },
  { number: 5, title: 'All staff are prepared to care' },
  { number: 6, title: 'Each community is prepared to help' },
];

export interface PointFrame {
  number: number;
  section: SectionId;
  /** Most relevant first; the first is the one the report groups the point under. */
  ambitions: readonly AmbitionNumber[];
  /** One line: where the point comes from in the charter, and why these Ambitions. */
  why: string;
}

export const POINT_FRAMES: readonly PointFrame[] = [
  {
    number: 1,
    section: 'social-care-practice',
    ambitions: [1, 3],
    why: "the practice section's first bullet (focus on the outcomes people identify); person-centred, holistic assessment and care planning is Ambition 1's systems for person centred care, maximising quality of life is Ambition 3",
  },
  {
    number: 2,
    section: 'successful-when',
    ambitions: [5, 1],
    why: "the last 'successful when' line (use ordinary language, easily understood) with the lay statement's compassionate professionals; compassionate, skilled staff are Ambition 5, honest conversations Ambition 1",
  },
  {
    number: 3,
    section: 'successful-when',
    ambitions: [4, 5],
    why: "the 'successful when' line 'value and understand everyone's role and contribution'; clear roles and responsibilities are a building block of Ambition 4, a shared professional ethos of Ambition 5",
  },
  {
    number: 4,
    section: 'social-care-practice',
    ambitions: [1, 3],
    why: "practice bullet 2 (promote dignity, choice and independence, managing risks); choice and control are Ambition 1, independence is Ambition 3's rehabilitative palliative care",
  },
  {
    number: 5,
    section: 'social-care-practice',
    ambitions: [1],
    why: 'practice bullet 5 (key questions in core assessment formats, prompting timely discussion); timely conversations and effective assessment are building blocks of Ambition 1',
  },
  {
    number: 6,
    section: 'social-care-practice',
    ambitions: [5],
    why: 'practice bullet 7 (a Learning and Development Plan for specialist and non-specialist workforce); education, training and knowledge-based judgement are Ambition 5',
  },
  {
    number: 7,
    section: 'successful-when',
    ambitions: [1, 4],
    why: "the 'successful when' line that everyone, the person and carers too, knows about changes to the care plan; being asked what matters is Ambition 1, a team that knows my plans Ambition 4",
  },
  {
    number: 8,
    section: 'successful-when',
    ambitions: [4],
    why: "the lay statement's 'seamless continuity of care… in partnership' and the 'support each other' line; continuity in partnership is a building block of Ambition 4",
  },
  {
    number: 9,
    section: 'successful-when',
    ambitions: [4],
    why: "the lay statement's 'only need to communicate information once' and the 'share information… keep it up to date' line; shared records are a building block of Ambition 4",
  },
  {
    number: 10,
    section: 'successful-when',
    ambitions: [4],
    why: "the 'successful when' line on care plans shared across the care and support team with a named co-ordinator; coordination is Ambition 4 itself",
  },
  {
    number: 11,
    section: 'social-care-practice',
    ambitions: [2, 1],
    why: "practice bullet 2 (agreeing responsibility for care costs does not impede or delay care); care whatever one's circumstances is Ambition 2, rapid access to social care a building block of Ambition 1",
  },
  {
    number: 12,
    section: 'commissioning-practice',
    ambitions: [4, 1],
    why: 'commissioning bullet 5 (a timely whole system approach from early intervention to post death support); a system-wide response is Ambition 4, bereavement care part of Ambition 1',
  },
  {
    number: 13,
    section: 'social-care-practice',
    ambitions: [1, 6],
    why: "practice bullet 3 (an information and advice strategy aligned with the CCG's); knowing what to expect is Ambition 1's clear expectations, public awareness of the help available Ambition 6",
  },
  {
    number: 14,
    section: 'social-care-practice',
    ambitions: [4],
    why: 'practice bullet 4 (systems for sharing information across providers); shared records are a building block of Ambition 4',
  },
  {
    number: 15,
    section: 'social-care-practice',
    ambitions: [4],
    why: "practice bullet 6 (a flowchart of the local pathway with 7-day working and every sector's roles); clear roles and responsibilities in one system are Ambition 4",
  },
  {
    number: 16,
    section: 'commissioning-practice',
    ambitions: [2],
    why: "commissioning bullet 6 (user and carer experience informs commissioning); the framework's co-design foundation, put to Ambition 2's aim that services reach everyone",
  },
  {
    number: 17,
    section: 'commissioning-practice',
    ambitions: [5, 4],
    why: 'commissioning bullet 4 (use commissioning to establish the competencies and service delivery models needed); competent staff in every setting are Ambition 5, new models of care Ambition 4',
  },
  {
    number: 18,
    section: 'commissioning-practice',
    ambitions: [2, 6],
    why: "commissioning bullet 1 (market shaping reflects the JSNA and public health's work with communities); population-based needs assessment is Ambition 2, public health approaches with communities Ambition 6",
  },
  {
    number: 19,
    section: 'commissioning-practice',
    ambitions: [2, 5],
    why: 'commissioning bullet 2 (service specifications state quality, skills and values, in line with KPIs and QAFs); contracts that hold providers to account are Ambition 2, the skills they ask for Ambition 5',
  },
  {
    number: 20,
    section: 'commissioning-practice',
    ambitions: [2, 4],
    why: 'commissioning bullet 3 (review KPIs across health and social care as one system); measuring outcomes with data is Ambition 2, the whole-system view Ambition 4',
  },
  {
    number: 21,
    section: 'social-care-practice',
    ambitions: [5, 4],
    why: 'practice bullet 8 (take part in the London-wide LSCP programme, promoting learning); shared learning is Ambition 5, working together across London Ambition 4',
  },
];

export function pointFrame(number: number): { section: SectionId; ambitions: AmbitionNumber[] } | undefined {
  const frame = POINT_FRAMES[number - 1];
  return frame ? { section: frame.section, ambitions: [...frame.ambitions] } : undefined;
}

export function charterSection(id: SectionId): CharterSection {
  return CHARTER_SECTIONS.find((section) => section.id === id)!;
}

export function ambition(number: AmbitionNumber): Ambition {
  return AMBITIONS[number - 1]!;
}

/** The README's table: one row a point, its section, its Ambitions and why. */
export function frameTable(): string {
  const rows = POINT_FRAMES.map(
    (frame) =>
      `| ${frame.number} | ${charterSection(frame.section).label} | ${frame.ambitions.map((number) => `${number} ${ambition(number).title}`).join('; ')} | ${frame.why.replace(/\|/g, '\\|')} |`,
  );
  return ['| point | section | Ambitions | why |', '|---:|---|---|---|', ...rows].join('\n');
}
