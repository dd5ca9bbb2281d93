/**
 * The README chapter "When the VPN is not up": its sample report is doctor's real output on the
 * mocked clouds (not hand-written), and its least-privilege policy and Azure role list exactly the
 * actions doctor calls.
 */
import { readFileSync } from 'node:fs';
import { AWS_READ_ACTIONS } from '../../lib/doctor/aws-read';
import { AZURE_READ_ACTIONS } from '../../lib/doctor/azure-read';
import { D_ROW_IDS } from '../../lib/doctor/d-rows';
import { README_END, README_START, readmeBlock, sampleReport } from './sample';

const readme = readFileSync('README.md', 'utf8');
const chapter = readme.slice(readme.indexOf('## When the VPN is not up'), readme.indexOf('## Tear down'));

// The Azure SDK is loaded by doctor on first use; load it once here, outside the per-test timeout.
beforeAll(async () => {
  await import('@azure/arm-network');
}, 60_000);

describe('README "When the VPN is not up"', () => {
  it('shows the current sample report (regenerate with `npm run doctor:sample`)', async () => {
    const report = await sampleReport();
    expect(report.code).toBe(1);
    const shown = readme.slice(readme.indexOf(README_START), readme.indexOf(README_END) + README_END.length);
    expect(shown).toBe(readmeBlock(report));
    expect(report.stdout).toContain('D01 Instance0Tunnel1');
    expect(report.stdout).toContain('D04 Instance1Tunnel1');
  });
  it('the IAM policy and the Azure custom role list exactly the actions doctor uses', () => {
    const blocks = [...chapter.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => JSON.parse(m[1]));
    const iam = blocks.find((b) => b.Version === '2012-10-17');
    const role = blocks.find((b) => b.IsCustom === true);
    expect(iam.Statement[0].Action).toEqual([...AWS_READ_ACTIONS]);
    expect(iam.Statement[0].Effect).toBe('Allow');
    expect(role.Actions).toEqual([...AZURE_READ_ACTIONS]);
  });
  it('lists every D row and the manual checks of seeds 000, 003 and 004', () => {
    for (const id of D_ROW_IDS) expect(chapter).toContain(`| ${id} |`);
    for (const seed of ['From seed 000', 'From seed 003', 'From seed 004 part 4']) expect(chapter).toContain(seed);
  });
});
