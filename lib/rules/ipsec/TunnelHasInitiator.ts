import { PEER_TAGS } from '../../handoff/formats';
import { AWS_STARTUP_ACTIONS } from '../../plan/ipsec';
import { isUnresolved, resourcesOfType, type CfnResourceView, type CfnView } from '../../check/views/cfn-view';
import { peerConnectionModeOf, tunnelSpecsOf, VPN_CONNECTION } from '../../check/views/vpn-template';
import type { Rule } from '../../check/kit/rule';
import type { Violation } from '../../core/finding';

const RESPONDER_ONLY = 'ResponderOnly';

/** StartupAction values AWS refuses at deploy (CloudFormation VpnTunnelOptionsSpecification: add | start). */
function unknownStartupActions(connection: CfnResourceView, specs: readonly Readonly<Record<string, unknown>>[]): Violation[] {
  return specs.flatMap((spec, index): Violation[] => {
    const action = spec.StartupAction;
    if (action === undefined || isUnresolved(action) || (AWS_STARTUP_ACTIONS as readonly unknown[]).includes(action)) return [];
    return [{
      path: connection.path,
      message: `VpnTunnelOptionsSpecifications[${index}].StartupAction is ${JSON.stringify(action)}, which AWS does not accept.`,
      fix: `one of ${AWS_STARTUP_ACTIONS.join(', ')}; 'start' when the peer only answers.`,
    }];
  });
}

function connectionProblems(view: CfnView, connection: CfnResourceView): Violation[] {
  if (isUnresolved(connection.properties.VpnTunnelOptionsSpecifications)) return [];
  const specs = tunnelSpecsOf(connection) ?? [];
  const unknown = unknownStartupActions(connection, specs);
  if (unknown.length > 0) return unknown;
  const mode = peerConnectionModeOf(view, connection);
  if (mode === RESPONDER_ONLY) {
    const fix = "StartupAction 'start' on every tunnel specification.";
    if (specs.length === 0) {
      return [{
        path: connection.path,
        message: `the peer is ${RESPONDER_ONLY} and no tunnel sets StartupAction, so both sides wait (AWS default 'add').`,
        fix,
      }];
    }
    return specs.flatMap((spec, index): Violation[] => {
      const action = spec.StartupAction;
      if (action === 'start' || isUnresolved(action)) return [];
      return [{
        path: connection.path,
        message: `VpnTunnelOptionsSpecifications[${index}].StartupAction is ${
          action === undefined ? "absent (default 'add')" : `'${String(action)}'`
        } while the peer is ${RESPONDER_ONLY}: neither side starts IKE.`,
        fix,
      }];
    });
  }
  if (mode !== undefined) return []; // the peer initiates (Default / InitiatorOnly)
  // Unknown peer: a customer device may well initiate (the AWS default), so only a reminder.
  if (specs.some((spec) => spec.StartupAction !== undefined && spec.StartupAction !== 'add')) return [];
  return [{
    path: connection.path,
    level: 'warning',
    message: `no tunnel has StartupAction 'start': ${
      connection.properties.TransitGatewayId !== undefined ? 'the transit gateway' : 'the VGW'
    } never initiates, so the tunnels come up only if the customer gateway device starts IKE.`,
    fix:
      `StartupAction 'start', or tag the customer gateway '${PEER_TAGS.peerConnectionMode}' with the peer's mode once you know the device initiates.`,
  }];
}

export const TunnelHasInitiator: Rule = {
  id: 'TunnelHasInitiator',
  catalogue: ['C20'],
  level: 'error',
  summary: "One side starts IKE: AWS tunnels facing a ResponderOnly Azure connection have StartupAction 'start'.",
  explanation: "Seed 001 (AWS Site-to-Site VPN tunnel options): by default AWS does not initiate (StartupAction 'add'), on a VGW and on a " +
    "transit gateway alike (the option is the VPN connection's, whatever its gateway); the customer " +
    "side must. Seed 004 (Azure AWS-BGP tutorial) sets the startup action to 'start'. An Azure connection in ResponderOnly " +
    "mode never initiates, so with 'add' on AWS no tunnel ever comes up. On CloudFormation a customer gateway tagged " +
    `'${PEER_TAGS.peerConnectionMode}' = ResponderOnly makes every tunnel of its connections need 'start' (error); for an ` +
    "untagged customer gateway the peer's behaviour is unknown, so a connection where no tunnel starts is only a warning. " +
    'A StartupAction other than add or start (CloudFormation VpnTunnelOptionsSpecification) is refused by AWS: an error. ' +
    'What AWS does after a dead-peer timeout is DeadPeerDetectionOnBothEnds (C20, C21).',
  fix: "aws.startupAction 'start' (the default), or an Azure connection mode that initiates (Default).",
  plan: ({ spec }) =>
    // An Alibaba plan has no Azure connection mode (issue 10).
    spec.alibaba === undefined && spec.aws.startupAction === 'add' && spec.azure.connectionMode === RESPONDER_ONLY
      ? [{
        path: 'aws.startupAction',
        message: `'add' while azure.connectionMode is '${RESPONDER_ONLY}': neither side starts IKE, no tunnel ever comes up.`,
        fix: "'start' (the default), or azure.connectionMode 'Default'.",
      }]
      : [],
  cfn: (view) => resourcesOfType(view, VPN_CONNECTION).flatMap((c) => connectionProblems(view, c)),
  azure: ({ connections, awsPeer }) =>
    awsPeer.startupAction === 'start'
      ? []
      : connections.flatMap((connection): Violation[] =>
        connection.connectionMode.toLowerCase() === RESPONDER_ONLY.toLowerCase()
          ? [{
            path: `connection ${connection.name}.connectionMode`,
            message: `'${connection.connectionMode}' while the AWS tunnels have StartupAction '${awsPeer.startupAction}': neither side starts IKE.`,
            fix: "'Default', or StartupAction 'start' on the AWS tunnels (aws.startupAction).",
          }]
          : []
      ),
};
