import { civilMoneyClaim } from '../../case-type/definitions/civil-money-claim';
import { immigrationStatusReview } from '../../case-type/definitions/immigration-status-review';
import { assertTakesReferral } from './referral';

describe('a status review referral', () => {
  it('is taken by a case whose type investigates only on a referral, in any state until it is closed', () => {
    for (const state of ['Referred', 'UnderInvestigation', 'MindedToNotice'])
      expect(() => assertTakesReferral(immigrationStatusReview, state)).not.toThrow();
    expect(() => assertTakesReferral(immigrationStatusReview, 'Closed')).toThrow(
      expect.objectContaining({ code: 'CONFLICT', message: expect.stringContaining('still open') }),
    );
  });

  it('is refused on a case type that asks for none', () => {
    expect(() => assertTakesReferral(civilMoneyClaim, 'Draft')).toThrow(
      expect.objectContaining({ code: 'CONFLICT', message: 'A civil money claim case does not take referrals' }),
    );
  });
});
