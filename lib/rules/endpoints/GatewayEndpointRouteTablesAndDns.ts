import { booleanProperty, describeTarget, isUnresolved, listProperty, resourceById, targetOf } from '../../check/views/cfn-view';
import { subnetRoutings } from '../../check/views/routing';
import type { Rule } from '../../check/kit/rule';
import type { Violation } from '../../core/finding';
import { gatewayEndpoints } from '../../check/views/endpoints';

export const GatewayEndpointRouteTablesAndDns: Rule = {
  id: 'GatewayEndpointRouteTablesAndDns',
  catalogue: ['C31'],
  level: 'warning',
  summary: "A gateway endpoint (S3, DynamoDB) is associated with the private subnets' route tables, and the VPC has DNS support.",
  explanation: 'Seed 003 (AWS knowledge center, troubleshooting gateway VPC endpoints): the route tables of the subnets that ' +
    'use the endpoint must have its route to S3 or DynamoDB, and the VPC must resolve DNS (EnableDnsSupport), or ' +
    'the service name does not resolve to the addresses the endpoint routes. Which subnets use it is decided from ' +
    "the template: every private subnet (no route to an internet gateway) of the endpoint's VPC with an explicit " +
    'route table, since those have no other path to the service. Public subnets reach it over the internet ' +
    'gateway and are not required; route tables given by computed values are not checked.',
  fix: 'list the route tables in the endpoint (ec2.GatewayVpcEndpoint `subnets`, CfnVPCEndpoint `routeTableIds`) and keep enableDnsSupport true.',
  cfn: (view) =>
    gatewayEndpoints(view).flatMap(({ endpoint, vpc, service }): Violation[] => {
      const violations: Violation[] = [];
      const listed = listProperty(endpoint, 'RouteTableIds');
      const listedTables = new Set(listed.flatMap((t) => targetOf(t) ?? []));
      const computed = listed.some((t) => targetOf(t) === undefined) || isUnresolved(endpoint.properties.RouteTableIds);
      const privateTables = [
        ...new Set(subnetRoutings(view).flatMap((s) => (s.vpc === vpc && !s.isPublic && s.routeTable !== undefined ? [s.routeTable] : []))),
      ];
      const missing = computed ? [] : privateTables.filter((t) => !listedTables.has(t));
      if (listed.length === 0 && !computed) {
        violations.push({
          path: endpoint.path,
          message: `${service} gateway endpoint is associated with no route table: no subnet uses it.`,
        });
      } else if (missing.length > 0) {
        violations.push({
          path: endpoint.path,
          message: `${service} gateway endpoint does not list the route tables ${missing.map((t) => describeTarget(view, t)).join(', ')} ` +
            `of private subnets in its VPC: those subnets reach ${service} through a NAT gateway or not at all.`,
          fix: `add ${
            missing.map((t) => describeTarget(view, t)).join(', ')
          } to the endpoint's route tables (or acknowledge if they must not use it).`,
        });
      }
      const vpcResource = resourceById(view, vpc);
      if (vpcResource && booleanProperty(vpcResource, 'EnableDnsSupport') === false) {
        violations.push({
          path: vpcResource.path,
          message:
            `VPC has EnableDnsSupport false: the ${service} name does not resolve through the Amazon DNS server, so the gateway endpoint ${endpoint.path} is not used.`,
          fix: 'enableDnsSupport true (the default) on the VPC, or a DNS server that resolves AWS service names to AWS addresses.',
        });
      }
      return violations;
    }),
};
