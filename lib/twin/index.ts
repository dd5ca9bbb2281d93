/** The digital twin: the plan's tunnels and BGP sessions brought up in network namespaces before deploy. */
export {
  runTwin,
  emitPlan,
  emittedSides,
  TwinPrerequisiteError,
  type EmittedPlan,
  type TwinOptions,
  type TwinResult,
  type TwinTunnelResult,
} from './twin';
export { diagnoseTunnel, type Diagnosis, type TunnelObservation } from './diagnose';
export { TWIN_FAULTS, twinFault, faultOutcome, type TwinFault } from './faults';
export { POLICY_FAMILIES, type PolicyFamily } from './policies';
export { twinNamespaces } from './lab';
export { missingPrerequisites, TWIN_PACKAGES } from './prerequisites';
export { twinTable, twinSummary } from './report';
