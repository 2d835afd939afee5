/**
 * The 21 points of the London End of Life Care Charter return, in the wording of the form that
 * councils were sent (seeds 000 and 001). This is the one place the wording lives.
 */
export interface CharterPoint {
  number: number;
  wording: string;
}

const WORDING = [
  'Ensure assessments/care planning for service users and carers are outcome focused, person centred, holistic, maximising quality of life, understanding lifestyle/culture',
  'Ensure workers are supportive, compassionate, use ordinary language, have good communication skills',
  'Workers value and understand all roles and contributions',
  'Workers promote dignity, choice & independence, positive risk taking for people approaching the end of life',
  'Embed EOL planning and key questions in assessments',
  'Develop L&D plan for all workforce - including roles, difficult conversations, holistic assessment',
  'Users and carers are fully involved in changes to care plan and kept up to date',
  'There is continuity of care & working in partnership',
  'Service users and carers only need to communicate information once, professionals can access up to date information',
  'A named co-ordinator shares the care plan across the care and support team',
  'Funding issues do not impede the provision of care and support',
  'There is a timely whole system approach from early intervention through to post death support',
  'Develop information & advice strategy - aligned with CCG information & advice',
  'Develop systems for sharing information across providers',
  'Develop flowchart for local eolc pathway, including access to 7 day working, identifying roles & responsibilities of all sectors',
  'Engage with users & carers to inform service development & commissioning',
  'Use commissioning process to establish required competences and service delivery models',
  'Ensure market shaping reflects local JSNA & public health role working with communities',
  'Service specifications are in line with KPIs & QAFs irrespective of which agency is funding',
  'There is an integrated whole system approach across social care and health to review KPIs',
  'Actively participate in LSCP EOLC network programme of work',
] as const;

export const CHARTER_POINTS: readonly CharterPoint[] = WORDING.map((wording, index) => ({
  number: index + 1,
  wording,
}));

export const POINT_COUNT = CHARTER_POINTS.length;

export function charterPoint(number: number): CharterPoint | undefined {
  return CHARTER_POINTS[number - 1];
}
