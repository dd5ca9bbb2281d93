/**
 * From one tunnel's observed state to the run-time diagnosis rows of the catalogue
 * (../shared/CONSTRAINTS.md, D01–D09). A pure function over a plain record, so that `doctor` can
 * fill the same record from cloud state (AWS `VgwTelemetry`, Azure connection and BGP peer status)
 * and reuse it; the twin fills it from strongSwan and FRR.
 */
import { D_ROWS, type DiagnosisId } from '../doctor/d-rows';
import type { CatalogueNumber } from '../core/finding';

/** What one tunnel shows. Strings are IKEv2 notify names (RFC 7296 §3.10.1) and BGP FSM states (RFC 4271 §8.2.2). */
export interface TunnelObservation {
  /** `ESTABLISHED` when the IKE SA is up; anything else (`CONNECTING`, `NONE` …) when not. */
  readonly ike: string;
  /** The IKEv2 error notify that stopped the IKE SA, e.g. `AUTHENTICATION_FAILED`, `NO_PROPOSAL_CHOSEN`. */
  readonly ikeError?: string;
  /** `INSTALLED` when the child (IPsec) SA is up. */
  readonly child: string;
  /** The notify that refused the child SA, e.g. `NO_PROPOSAL_CHOSEN`, `TS_UNACCEPTABLE`. */
  readonly childError?: string;
  /** `Established` when the BGP session is up (FSM state otherwise: `Idle`, `Connect`, `Active`, `OpenSent` …). */
  readonly bgp: string;
  /** The BGP NOTIFICATION seen on the session, e.g. `OPEN Message Error/Bad Peer AS`. */
  readonly bgpError?: string;
  /** Prefixes accepted from the peer, on the side that received fewer. */
  readonly routesReceived: number;
  /** Whether either end ever sent an IKE_SA_INIT for this tunnel. */
  readonly initiated: boolean;
}

export interface Diagnosis {
  /** Run-time row, e.g. `D01`: one of the doctor's catalogue (lib/doctor/d-rows.ts), the one source of the rows' texts. */
  readonly row: DiagnosisId;
  /** The row's documented symptom, as `doctor` prints it. */
  readonly symptom: string;
  /** The constraints the row names as causes, most likely first. */
  readonly catalogue: readonly CatalogueNumber[];
  /** The symptom and the cause the evidence points at. */
  readonly reason: string;
}

function diagnosis(row: DiagnosisId, catalogue: readonly CatalogueNumber[], reason: string): Diagnosis {
  return { row, symptom: D_ROWS[row].symptom, catalogue, reason };
}

const AUTH_FAILURES = ['AUTHENTICATION_FAILED'];
const PROPOSAL_FAILURES = ['NO_PROPOSAL_CHOSEN', 'INVALID_KE_PAYLOAD', 'INVALID_SYNTAX'];

/** The diagnosis of one tunnel, or undefined when it is fully up (IKE, IPsec, BGP and routes). */
export function diagnoseTunnel(o: TunnelObservation): Diagnosis | undefined {
  if (o.ike !== 'ESTABLISHED') {
    if (!o.initiated) {
      return diagnosis('D09', ['C20', 'C21'], 'no IKE_SA_INIT was ever sent: neither end initiates (StartupAction add / ResponderOnly).');
    }
    if (o.ikeError && AUTH_FAILURES.includes(o.ikeError)) {
      return diagnosis('D01', ['C22'], `IKE (phase 1) fails with ${o.ikeError}: the pre-shared keys of the two ends differ.`);
    }
    if (o.ikeError && PROPOSAL_FAILURES.includes(o.ikeError)) {
      return diagnosis(
        'D01',
        ['C24'],
        `IKE (phase 1) fails with ${o.ikeError}: the IKE parameters (encryption, integrity/PRF, DH group) of the two ends share no proposal.`,
      );
    }
    return diagnosis(
      'D01',
      ['C22', 'C24', 'C27'],
      `IKE (phase 1) never completes${o.ikeError ? ` (${o.ikeError})` : ''}: key, IKE parameters, or UDP 500/4500 reachability.`,
    );
  }
  if (o.child !== 'INSTALLED') {
    if (o.childError === 'TS_UNACCEPTABLE') {
      return diagnosis('D02', ['C26'], 'IKE is up, the IPsec SA is refused with TS_UNACCEPTABLE: the traffic selectors do not match.');
    }
    return diagnosis(
      'D02',
      ['C24', 'C26'],
      `IKE is up, the IPsec SA (phase 2) fails${o.childError ? ` with ${o.childError}` : ''}: phase 2 encryption, integrity or PFS group differ.`,
    );
  }
  if (o.bgp !== 'Established') {
    if (o.bgpError && /bad peer as/i.test(o.bgpError)) {
      return diagnosis('D03', ['C11'], `IPsec is up, BGP is ${o.bgp} after ${o.bgpError}: the ASNs the two ends expect differ.`);
    }
    return diagnosis(
      'D03',
      ['C05', 'C13', 'C11'],
      `IPsec is up, BGP stays ${o.bgp}${o.bgpError ? ` (${o.bgpError})` : ''}: the BGP peer addresses of the two ends do not match.`,
    );
  }
  if (o.routesReceived === 0) {
    return diagnosis('D04', ['C18'], 'BGP is up but no prefix is accepted: nothing advertised, a filter, or overlapping address spaces.');
  }
  return undefined;
}
