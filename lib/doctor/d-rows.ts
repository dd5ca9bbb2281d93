/**
 * The run-time diagnoses D01–D10 of ../shared/CONSTRAINTS.md ("Run time: what a deployed VPN
 * shows, and what it means"), in one place: the symptom, the state that shows it, and the
 * documented causes in the documented order, each with the C rows to check. `doctor` and the
 * digital twin (lib/twin) name findings by these ids; the text here is what a user reads.
 *
 * Sources, as the catalogue names them: seed 000 (why a Site-to-Site VPN cannot reach the other
 * network), 001 (tunnel options: startup action, DPD, idle), 002 (Alibaba FAQ: phase 1/2 failures),
 * 003 (gateway VPC endpoint connectivity), 004 parts 3–4 (Azure connections and BGP peers).
 */
import type { CatalogueNumber } from '../core/finding';

/** A run-time diagnosis number of ../shared/CONSTRAINTS.md, `D01` … `D10`. */
export type DiagnosisId = 'D01' | 'D02' | 'D03' | 'D04' | 'D05' | 'D06' | 'D07' | 'D08' | 'D09' | 'D10';

/** One documented cause; `check` are the C rows whose rule (or manual check) covers it. */
export interface DocumentedCause {
  /** Stable key within the row, used by findings to say which cause the evidence points at. */
  readonly key: string;
  readonly text: string;
  readonly check: readonly CatalogueNumber[];
}

export interface DiagnosisRow {
  readonly id: DiagnosisId;
  readonly symptom: string;
  /** The documented causes, most likely first (the catalogue's order). */
  readonly causes: readonly DocumentedCause[];
  /** Seed files / documents the row comes from. */
  readonly source: string;
  /** What state shows it: `aws-api`, `azure-api`, `alibaba-api`. */
  readonly where: readonly string[];
}

const cause = (key: string, text: string, check: CatalogueNumber[] = []): DocumentedCause => ({ key, text, check });

export const D_ROWS: Readonly<Record<DiagnosisId, DiagnosisRow>> = {
  D01: {
    id: 'D01',
    symptom: 'A tunnel is DOWN and IKE (phase 1) never completes',
    causes: [
      cause('psk', 'the pre-shared key differs between the ends', ['C22']),
      cause('ike', 'IKE parameters differ (version, encryption, integrity, DH group)', ['C24']),
      cause('reach', "UDP 500/4500 blocked or the peer's public IP unreachable", ['C27']),
    ],
    source: '000, 002 FAQ',
    where: ['aws-api', 'azure-api', 'alibaba-api'],
  },
  D02: {
    id: 'D02',
    symptom: 'Phase 1 up, phase 2 (IPsec SA) fails',
    causes: [
      cause('phase2', 'phase 2 encryption/integrity/PFS group differ', ['C24']),
      cause('selectors', 'policy-based traffic selectors or more than one SA pair', ['C26']),
    ],
    source: '000, 002',
    where: ['aws-api', 'azure-api'],
  },
  D03: {
    id: 'D03',
    symptom: 'IPsec up, tunnel still DOWN on AWS',
    causes: [
      cause('bgp-down', 'BGP is down: a BGP-based VPN is up only when BGP is up', ['C12']),
      cause('bgp-address', 'the BGP peer addresses disagree', ['C05', 'C13']),
      cause('bgp-asn', 'the ASNs disagree', ['C11']),
    ],
    source: '000, 004',
    where: ['aws-api', 'azure-api'],
  },
  D04: {
    id: 'D04',
    symptom: 'BGP up, no routes accepted (AWS AcceptedRouteCount 0, Azure learned routes empty)',
    causes: [
      cause('no-prefix', 'the peer advertises no prefix (nothing to advertise, or a filter)'),
      cause('overlap', 'the VNet/VPC CIDRs overlap', ['C18']),
    ],
    source: '000, 004 part 4',
    where: ['aws-api', 'azure-api'],
  },
  D05: {
    id: 'D05',
    symptom: 'Routes learned, traffic from the VPC does not arrive',
    causes: [
      cause('route-table', "the subnets' route tables have no propagation from (or route to) the gateway", ['C28']),
      cause('tgw-route-table', 'on a TGW, no static route or propagation in the TGW route table', ['C29']),
    ],
    source: '000',
    where: ['aws-api'],
  },
  D06: {
    id: 'D06',
    symptom: 'Tunnel and routes fine, a port or ping still fails',
    causes: [
      cause('sg-nacl', 'a security group or network ACL does not admit the peer CIDR, or the ACL blocks return traffic on 1024–65535', ['C30']),
      cause('peer-firewall', "on the far side, the peer's NSG/firewall (not readable by doctor: check by hand)"),
    ],
    source: '000, 002 FAQ',
    where: ['aws-api', 'azure-api'],
  },
  D07: {
    id: 'D07',
    symptom: 'Traffic uses one tunnel only, or returns on another',
    causes: [
      cause('vgw-prefers-one', 'a VGW prefers one tunnel: asymmetric routing must be tolerated on the peer side'),
      cause('tgw-ecmp-off', 'on a TGW, VPN ECMP is off: turn it on for active/active', ['C29']),
    ],
    source: '000',
    where: ['aws-api'],
  },
  D08: {
    id: 'D08',
    symptom: 'Azure connection not Connected, or a BGP peer not Connected',
    causes: [
      cause('as-d01-d03', 'as D01–D03 on the Azure side (key, IKE parameters, reachability, BGP)', ['C22', 'C24', 'C27', 'C12']),
      cause('custom-bgp-ip', 'a connection without its custom BGP address for each instance uses the first APIPA address for all', ['C13']),
    ],
    source: '004 parts 3–4',
    where: ['azure-api'],
  },
  D09: {
    id: 'D09',
    symptom: 'A tunnel flaps when idle',
    causes: [
      cause('no-initiator', 'no initiator keeps it up: startup action and dead-peer detection', ['C20', 'C21']),
      cause('idle', 'an idle tunnel goes down after about 10 s without traffic when the customer side is the initiator', ['C21']),
    ],
    source: '001',
    where: ['aws-api'],
  },
  D10: {
    id: 'D10',
    symptom: 'From the VPC, S3 or DynamoDB through a gateway endpoint fails',
    causes: [
      cause('region', "the endpoint is in another region than the bucket or table, or the client's region is wrong"),
      cause('route-table', "the subnet's route table lacks the endpoint", ['C31']),
      cause('dns', 'VPC DNS resolution is off', ['C31']),
      cause('sg-nacl', 'a restrictive security group or network ACL', ['C32']),
      cause('policy', 'the endpoint policy or the bucket policy denies'),
      cause('proxy', 'a proxy is in the way'),
      cause('from-peer', 'traffic from the peer network cannot use a gateway endpoint', ['C33']),
    ],
    source: '003',
    where: ['aws-api'],
  },
};

export const D_ROW_IDS = Object.keys(D_ROWS) as DiagnosisId[];
