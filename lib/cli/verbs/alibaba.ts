import { JSON_OPTION, loadPlanOrReport, type Verb } from './verb';

/** Said when `--aws-outputs` is absent: what the listing then leaves out, and how to get it. */
export const ALIBABA_FIRST_RUN_NOTE =
  'alibaba: no --aws-outputs given, so this is the first run only (the VPN gateway, whose two IPs the AWS half needs). ' +
  'Left out: the four customer gateways (they need the AWS tunnel outside IPs) and the two IPsec connections (they need ' +
  'the pre-shared keys, read from Secrets Manager by the ARNs in the AWS outputs). Deploy the AWS half with ' +
  '`cdk deploy -c peerOutputs=alibaba-outputs.json --outputs-file aws-outputs.json`, then pass --aws-outputs aws-outputs.json.';

export const alibabaVerb: Verb = {
  name: 'alibaba',
  usage: 'alibaba [file]',
  summary: [
    'list the Alibaba Cloud resources the Pulumi program would create (offline, mocked) and the four tunnels;',
    '--aws-outputs <file> adds the AWS hand-off; --json prints { resources, tunnels }; keys are masked',
  ],
  files: { min: 0, max: 1, defaults: ['examples/alibaba-plan.json'] },
  options: {
    json: JSON_OPTION,
    'aws-outputs': { type: 'string', usage: '--aws-outputs <file>', help: "the AWS half's outputs (cdk deploy --outputs-file)" },
  },
  run: async ({ files: [file], options }, io) => {
    const plan = loadPlanOrReport(file, io);
    if (!plan) return 1;
    if (plan.alibaba === undefined) {
      io.stderr(`multicloud-vpn alibaba: ${file} has no \`alibaba\` peer; see examples/alibaba-plan.json (for an Azure plan: multicloud-vpn azure).`);
      return 1;
    }
    const awsOutputs = options['aws-outputs'] as string | undefined;
    if (awsOutputs === undefined) io.stderr(ALIBABA_FIRST_RUN_NOTE);
    try {
      // Loaded here: the Pulumi runtime is needed by this verb only.
      const { offlineAlibabaListing } = await import('../../peers/alibaba/pulumi/offline');
      const listing = await offlineAlibabaListing({ plan: { plan, peer: plan.alibaba }, awsOutputsFile: awsOutputs, log: io.stderr });
      if (options.json) {
        io.stdout(JSON.stringify(listing, null, 2));
        return 0;
      }
      const { markdownTable } = await import('../../report/table');
      io.stdout([
        ...listing.resources.map((r) => `${r.type}  ${r.name}`),
        '',
        listing.tunnels.length === 0 ? '(no tunnels on the first run)' : markdownTable(
          [
            'Connection',
            'Tunnel',
            'Role',
            'Gateway IP',
            'AWS tunnel',
            'Customer gateway',
            'Tunnel CIDR',
            'Local BGP IP',
            'Peer BGP IP',
            'ASNs',
            'Key',
          ],
          listing.tunnels.map((
            t,
          ) => [
            t.connection,
            String(t.position),
            t.role === 'master' ? 'active (master)' : 'standby (slave)',
            t.gatewayIp,
            t.awsTunnel,
            t.customerGatewayIp,
            t.tunnelCidr,
            t.localBgpIp,
            t.peerBgpIp,
            `${t.localAsn} ⇄ ${t.peerAsn}`,
            t.presharedKey,
          ]),
        ),
      ].join('\n'));
      return 0;
    } catch (e) {
      // The readers throw errors that list every finding; no stack trace.
      io.stderr(`multicloud-vpn alibaba: ${(e as Error).message}`);
      return 1;
    }
  },
};
