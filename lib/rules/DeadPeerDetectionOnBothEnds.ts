import { AWS_DPD_MIN_SECONDS, AZURE_DPD } from '../plan/ipsec';
import type { Rule, Violation } from './types';

export const DeadPeerDetectionOnBothEnds: Rule = {
  id: 'DeadPeerDetectionOnBothEnds',
  catalogue: ['C21'],
  level: 'warning',
  summary: `Dead-peer detection fits both ends (AWS ≥ ${AWS_DPD_MIN_SECONDS} s, Azure ${AZURE_DPD.min}–${AZURE_DPD.max} s) and AWS restarts IKE on timeout.`,
  explanation:
    'Seed 001 (AWS Site-to-Site VPN tunnel options): idle tunnels go down, dead-peer detection (DPDTimeoutSeconds, at ' +
    `least ${AWS_DPD_MIN_SECONDS}) notices a dead peer and DPDTimeoutAction decides what follows; the Azure connection's ` +
    `dpdTimeoutSeconds accepts ${AZURE_DPD.min}–${AZURE_DPD.max} (Azure VPN Gateway documentation). The plan's single ` +
    'value is applied to both ends, so it must fit both ranges; a value either API refuses is reported as an error ' +
    "(the deployment would fail), the rest as warnings. With a ResponderOnly Azure peer only 'restart' brings the " +
    'tunnel back after a timeout.',
  fix: `ipsec.dpdTimeoutSeconds between ${Math.max(AWS_DPD_MIN_SECONDS, AZURE_DPD.min)} and ${AZURE_DPD.max} (default 30), ipsec.dpdTimeoutAction 'restart'.`,
  plan: ({ spec }) => {
    const { dpdTimeoutSeconds, dpdTimeoutAction } = spec.ipsec;
    const range = `${Math.max(AWS_DPD_MIN_SECONDS, AZURE_DPD.min)}–${AZURE_DPD.max}`;
    const violations: Violation[] = [];
    if (dpdTimeoutSeconds < AWS_DPD_MIN_SECONDS) {
      violations.push({ path: 'ipsec.dpdTimeoutSeconds', level: 'error', message: `${dpdTimeoutSeconds} s is below AWS's minimum DPDTimeoutSeconds of ${AWS_DPD_MIN_SECONDS}; CloudFormation refuses it.`, fix: `a value in ${range}, e.g. 30.` });
    } else if (dpdTimeoutSeconds > AZURE_DPD.max) {
      violations.push({ path: 'ipsec.dpdTimeoutSeconds', level: 'error', message: `${dpdTimeoutSeconds} s is above Azure's maximum dpdTimeoutSeconds of ${AZURE_DPD.max}; the Azure connection refuses it.`, fix: `a value in ${range}, e.g. 30.` });
    }
    if (dpdTimeoutAction !== 'restart' && spec.azure.connectionMode === 'ResponderOnly') {
      violations.push({
        path: 'ipsec.dpdTimeoutAction',
        message: `'${dpdTimeoutAction}': after a DPD timeout AWS does not re-initiate, and the ResponderOnly Azure connection never does, so the tunnel stays down.`,
        fix: "'restart' (the default).",
      });
    }
    return violations;
  },
};
