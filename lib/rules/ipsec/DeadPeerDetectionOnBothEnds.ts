import { AWS_DPD_MIN_SECONDS, AWS_DPD_TIMEOUT_ACTIONS, AZURE_DPD } from '../../plan/ipsec';
import { isUnresolved, resourcesOfType, type CfnResourceView, type CfnView } from '../../check/views/cfn-view';
import { literalNumber, peerConnectionModeOf, tunnelSpecsOf, VPN_CONNECTION } from '../../check/views/vpn-template';
import type { Rule } from '../../check/kit/rule';
import type { Violation } from '../../core/finding';

const RESPONDER_ONLY = 'ResponderOnly';
/** AWS's DPDTimeoutAction when none is given (VpnTunnelOptionsSpecification: "Default: clear"). */
const AWS_DEFAULT_DPD_TIMEOUT_ACTION = 'clear';

/** Why a DPD timeout action leaves a tunnel facing a ResponderOnly peer down for good. */
function stopsForGood(action: string): string {
  return action === 'none'
    ? "'none': AWS takes no action on a DPD timeout"
    : "'clear': AWS ends the IKE session and removes the routes on a DPD timeout";
}

function cfnConnectionProblems(view: CfnView, connection: CfnResourceView): Violation[] {
  const specs = tunnelSpecsOf(connection) ?? [];
  const facesResponderOnly = peerConnectionModeOf(view, connection) === RESPONDER_ONLY;
  return specs.flatMap((spec, index) => {
    const at = (property: string) => `VpnTunnelOptionsSpecifications[${index}].${property}`;
    const violations: Violation[] = [];
    const seconds = literalNumber(spec.DPDTimeoutSeconds);
    if (seconds !== undefined && seconds < AWS_DPD_MIN_SECONDS) {
      violations.push({
        path: connection.path,
        level: 'error',
        message: `${at('DPDTimeoutSeconds')} is ${seconds}; AWS requires at least ${AWS_DPD_MIN_SECONDS}, so the deployment fails.`,
        fix: `DPDTimeoutSeconds of ${AWS_DPD_MIN_SECONDS} or more (Azure's side accepts up to ${AZURE_DPD.max}), e.g. 30.`,
      });
    }
    const action = spec.DPDTimeoutAction;
    if (isUnresolved(action)) return violations;
    if (action !== undefined && !(AWS_DPD_TIMEOUT_ACTIONS as readonly unknown[]).includes(action)) {
      violations.push({
        path: connection.path,
        level: 'error',
        message: `${at('DPDTimeoutAction')} is ${JSON.stringify(action)}, which AWS does not accept.`,
        fix: `one of ${AWS_DPD_TIMEOUT_ACTIONS.join(', ')}; 'restart' when the peer never initiates.`,
      });
    } else if (facesResponderOnly && action !== 'restart') {
      const value = typeof action === 'string' ? action : AWS_DEFAULT_DPD_TIMEOUT_ACTION;
      violations.push({
        path: connection.path,
        level: 'error',
        message: `${at('DPDTimeoutAction')} is ${action === undefined ? `absent (AWS default '${AWS_DEFAULT_DPD_TIMEOUT_ACTION}')` : `'${value}'`} ` +
          `while the customer gateway's peer is ${RESPONDER_ONLY}: ${
            stopsForGood(value)
          }, and the peer never initiates, so after the first DPD timeout the tunnel stays down.`,
        fix: "DPDTimeoutAction 'restart' on every tunnel specification.",
      });
    }
    return violations;
  });
}

export const DeadPeerDetectionOnBothEnds: Rule = {
  id: 'DeadPeerDetectionOnBothEnds',
  catalogue: ['C21', 'C20'],
  level: 'warning',
  summary:
    `Dead-peer detection fits both ends (AWS ≥ ${AWS_DPD_MIN_SECONDS} s, Azure ${AZURE_DPD.min}–${AZURE_DPD.max} s) and AWS restarts IKE on timeout when the peer only answers.`,
  explanation: 'Seed 001 (AWS Site-to-Site VPN tunnel options): idle tunnels go down, dead-peer detection (DPDTimeoutSeconds, at ' +
    `least ${AWS_DPD_MIN_SECONDS}) notices a dead peer and DPDTimeoutAction decides what follows; the Azure connection's ` +
    `dpdTimeoutSeconds accepts ${AZURE_DPD.min}–${AZURE_DPD.max} (Azure VPN Gateway documentation). The plan's single ` +
    'value is applied to both ends, so it must fit both ranges; a value either API refuses is reported as an error ' +
    '(the deployment would fail), the rest as warnings. AWS "Site-to-Site VPN tunnel initiation options" ' +
    '(https://docs.aws.amazon.com/vpn/latest/s2svpn/initiate-vpn-tunnels.html): on a DPD timeout AWS by default (clear) ' +
    'stops the IKE session, the tunnel goes down and the routes are removed; restart makes AWS restart the IKE session, ' +
    'none takes no action. A ResponderOnly Azure connection never initiates (C20), so with clear or none nobody starts ' +
    "IKE again after the first timeout: an error; only 'restart' brings the tunnel back. On CloudFormation the peer's mode " +
    "is read from the customer gateway tag multicloud-vpn:peer-connection-mode, and an absent DPDTimeoutAction is AWS's " +
    "default 'clear'; DPDTimeoutSeconds below 30 and an unknown DPDTimeoutAction (AWS accepts clear, none, restart; " +
    'CloudFormation VpnTunnelOptionsSpecification) are errors.',
  fix: `ipsec.dpdTimeoutSeconds between ${
    Math.max(AWS_DPD_MIN_SECONDS, AZURE_DPD.min)
  } and ${AZURE_DPD.max} (default 30), ipsec.dpdTimeoutAction 'restart'.`,
  plan: ({ spec }) => {
    const { dpdTimeoutSeconds, dpdTimeoutAction } = spec.ipsec;
    const range = `${Math.max(AWS_DPD_MIN_SECONDS, AZURE_DPD.min)}–${AZURE_DPD.max}`;
    const violations: Violation[] = [];
    if (dpdTimeoutSeconds < AWS_DPD_MIN_SECONDS) {
      violations.push({
        path: 'ipsec.dpdTimeoutSeconds',
        level: 'error',
        message: `${dpdTimeoutSeconds} s is below AWS's minimum DPDTimeoutSeconds of ${AWS_DPD_MIN_SECONDS}; CloudFormation refuses it.`,
        fix: `a value in ${range}, e.g. 30.`,
      });
    } else if (dpdTimeoutSeconds > AZURE_DPD.max) {
      violations.push({
        path: 'ipsec.dpdTimeoutSeconds',
        level: 'error',
        message: `${dpdTimeoutSeconds} s is above Azure's maximum dpdTimeoutSeconds of ${AZURE_DPD.max}; the Azure connection refuses it.`,
        fix: `a value in ${range}, e.g. 30.`,
      });
    }
    if (dpdTimeoutAction !== 'restart' && spec.azure.connectionMode === RESPONDER_ONLY) {
      violations.push({
        path: 'ipsec.dpdTimeoutAction',
        level: 'error',
        message: `${
          stopsForGood(dpdTimeoutAction)
        }, and the ${RESPONDER_ONLY} Azure connection (azure.connectionMode) never initiates, so after the first DPD timeout the tunnel stays down.`,
        fix: "'restart' (the default), or azure.connectionMode 'Default' so that Azure initiates too.",
      });
    }
    return violations;
  },
  cfn: (view) => resourcesOfType(view, VPN_CONNECTION).flatMap((connection) => cfnConnectionProblems(view, connection)),
  azure: ({ connections, awsPeer }) =>
    awsPeer.dpdTimeoutAction === undefined || awsPeer.dpdTimeoutAction === 'restart'
      ? []
      : connections.flatMap((connection): Violation[] =>
        connection.connectionMode.toLowerCase() === RESPONDER_ONLY.toLowerCase()
          ? [{
            path: `connection ${connection.name}.connectionMode`,
            level: 'error',
            message:
              `'${connection.connectionMode}' while the AWS tunnels have DPDTimeoutAction '${awsPeer.dpdTimeoutAction}': after a DPD timeout neither side starts IKE again.`,
            fix: "'Default', or DPDTimeoutAction 'restart' on the AWS tunnels (ipsec.dpdTimeoutAction).",
          }]
          : []
      ),
};
