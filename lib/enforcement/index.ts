/**
 * Synth-time enforcement, as `multicloud-vpn/aws` exports it: the Aspect and the cdk-nag pack. The template
 * readers (stack-view.ts) and the annotation format (aspect.ts) stay internal to their modules.
 */
export { VpnRulesAspect, type VpnRulesAspectProps } from './aspect';
export { MulticloudVpnChecks, type MulticloudVpnChecksProps } from './nag-pack';
