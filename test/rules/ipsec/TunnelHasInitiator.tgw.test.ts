/** C20 TunnelHasInitiator on transit gateway connections: the same check, the warning names the transit gateway. */
import { TunnelHasInitiator } from '../../../lib/rules/ipsec/TunnelHasInitiator';
import { checkCfn } from '../../../lib/check/registry';
import { tgwStack } from '../../aws/targets/tgw-stacks';

describe('C20 TunnelHasInitiator on transit gateway connections', () => {
  test("C20: no tunnel with StartupAction 'start' on a TGW connection of an unknown peer: a warning that names the transit gateway", () => {
    const findings = checkCfn(tgwStack().view, [TunnelHasInitiator]);
    expect(findings.map((f) => f.level)).toEqual(['warning', 'warning']);
    for (const f of findings) expect(f.message).toMatch(/the transit gateway never initiates/);
  });
  test("C20: StartupAction 'start' on the TGW connections passes", () => {
    const start = tgwStack({ connectionProps: () => ({ vpnTunnelOptionsSpecifications: [{ startupAction: 'start' }, { startupAction: 'start' }] }) });
    expect(checkCfn(start.view, [TunnelHasInitiator])).toEqual([]);
  });
});
