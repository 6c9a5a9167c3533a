// What an officer can be skilled in, and what a task can require: the Welsh language, a jurisdiction
// or case type, a line of work, and money authority (the amount an officer may approve alone: level 1
// up to £1,000, level 2 above). Task rules and officer profiles may name these and nothing else.
export const SKILLS = [
  'welsh',
  'civil',
  'family',
  'probate',
  'tribunals',
  'immigration',
  'crime',
  'fees',
  'complaints',
  'enforcement',
  'money-authority-1',
  'money-authority-2',
] as const;
export type Skill = (typeof SKILLS)[number];

export function isSkill(value: string): value is Skill {
  return (SKILLS as readonly string[]).includes(value);
}
