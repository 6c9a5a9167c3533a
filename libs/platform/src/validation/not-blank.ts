import { Matches } from 'class-validator';

/**
 * Text that must say something: not only spaces, tabs or line breaks. Where a step of a process counts a
 * record as made (representations received, a referral's concerns, a decision's reasons), a blank one
 * would let the step pass with nothing in it. Not a rule for all text: a blank search box or an unused
 * optional field is rightly taken as "not given".
 */
// Empty text is its length rule's to refuse (one message per fault): this refuses text of only whitespace.
export const IsNotBlank = (): PropertyDecorator => Matches(/^$|\S/u, { message: '$property must not be blank' });
