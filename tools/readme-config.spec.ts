import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gatewaySettings } from '../gateway/src/config';
import { casesSettings } from '../services/cases/src/config';
import { paymentsSettings } from '../services/payments/src/config';
import { queriesSettings } from '../services/queries/src/config';
import { complaintsSettings } from '../services/complaints/src/config';
import { enforcementSettings } from '../services/enforcement/src/config';

// The README's configuration tables are what ops read; they must name every setting the code reads.
describe('README configuration table', () => {
  const readme = readFileSync(path.join(__dirname, '..', 'README.md'), 'utf8');
  const settings = {
    ...casesSettings,
    ...paymentsSettings,
    ...queriesSettings,
    ...complaintsSettings,
    ...enforcementSettings,
    ...gatewaySettings,
  };

  it.each(Object.keys(settings))('documents %s', (name) => {
    expect(readme).toContain(`\`${name}\``);
  });
});
