import { readFileSync } from 'node:fs';
import path from 'node:path';
import { serviceSettings } from '@ccsc/platform';
import { messagingSettings } from '@ccsc/messaging';
import { gatewaySettings } from '../gateway/src/config';

// The README's configuration table is what ops read; it must name every setting the code reads.
describe('README configuration table', () => {
  const readme = readFileSync(path.join(__dirname, '..', 'README.md'), 'utf8');

  it.each(Object.keys({ ...serviceSettings, ...messagingSettings, ...gatewaySettings }))('documents %s', (name) => {
    expect(readme).toContain(`\`${name}\``);
  });
});
