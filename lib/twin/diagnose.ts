/**
 * From one tunnel's observed state to the run-time diagnosis rows of the catalogue
 * (../shared/CONSTRAINTS.md, D01–D09). A pure function over a plain record, so that `doctor` can
 * fill the same record from cloud state (AWS `VgwTelemetry`, Azure connection and BGP peer status)
 * and reuse it; the twin fills it from strongSwan and FRR.
 */
import type { CatalogueNumber } from '../rules/types';

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
  /** Run-time row, e.g. `D01`. */
  readonly row: 'D01' | 'D02' | 'D03' | 'D04' | 'D09';
  /** The constraints the row names as causes, most likely first. */
  readonly catalogue: readonly CatalogueNumber[];
  /** The symptom and the cause the evidence points at. */
  readonly reason: string;
}

const AUTH_FAILURES = ['AUTHENTICATION_FAILED'];
const PROPOSAL_FAILURES = ['NO_PROPOSAL_CHOSEN', 'INVALID_KE_PAYLOAD', 'INVALID_SYNTAX'];

/** The diagnosis of one tunnel, or undefined when it is fully up (IKE, IPsec, BGP and routes). */
export function diagnoseTunnel(o: TunnelObservation): Diagnosis | undefined {
  if (o.ike !== 'ESTABLISHED') {
    if (!o.initiated) {
      return { row: 'D09', catalogue: ['C20', 'C21'], reason: 'no IKE_SA_INIT was ever sent: neither end initiates (StartupAction add / ResponderOnly).' };
    }
    if (o.ikeError && AUTH_FAILURES.includes(o.ikeError)) {
      return { row: 'D01', catalogue: ['C22'], reason: `IKE (phase 1) fails with ${o.ikeError}: the pre-shared keys of the two ends differ.` };
    }
    if (o.ikeError && PROPOSAL_FAILURES.includes(o.ikeError)) {
      return { row: 'D01', catalogue: ['C24'], reason: `IKE (phase 1) fails with ${o.ikeError}: the IKE parameters (encryption, integrity/PRF, DH group) of the two ends share no proposal.` };
    }
    return { row: 'D01', catalogue: ['C22', 'C24', 'C27'], reason: `IKE (phase 1) never completes${o.ikeError ? ` (${o.ikeError})` : ''}: key, IKE parameters, or UDP 500/4500 reachability.` };
  }
  if (o.child !== 'INSTALLED') {
    if (o.childError === 'TS_UNACCEPTABLE') {
      return { row: 'D02', catalogue: ['C26'], reason: 'IKE is up, the IPsec SA is refused with TS_UNACCEPTABLE: the traffic selectors do not match.' };
    }
    return { row: 'D02', catalogue: ['C24', 'C26'], reason: `IKE is up, the IPsec SA (phase 2) fails${o.childError ? ` with ${o.childError}` : ''}: phase 2 encryption, integrity or PFS group differ.` };
  }
  if (o.bgp !== 'Established') {
    if (o.bgpError && /bad peer as/i.test(o.bgpError)) {
      return { row: 'D03', catalogue: ['C11'], reason: `IPsec is up, BGP is ${o.bgp} after ${o.bgpError}: the ASNs the two ends expect differ.` };
    }
    return { row: 'D03', catalogue: ['C05', 'C13', 'C11'], reason: `IPsec is up, BGP stays ${o.bgp}${o.bgpError ? ` (${o.bgpError})` : ''}: the BGP peer addresses of the two ends do not match.` };
  }
  if (o.routesReceived === 0) {
    return { row: 'D04', catalogue: ['C18'], reason: 'BGP is up but no prefix is accepted: nothing advertised, a filter, or overlapping address spaces.' };
  }
  return undefined;
}
