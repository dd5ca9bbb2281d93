/**
 * The file names the CDK app takes as context (`-c plan=<file>`, `-c azureOutputs=<file>`). An empty
 * value (`-c plan=`, often an unset shell variable) says which option is empty instead of reading ''.
 */

/** The file named by context `option`: `fallback` when absent, a problem naming the option when empty or not a string. */
export function contextFile(value: unknown, option: string, fallback?: string): { readonly file?: string; readonly problem?: string; } {
  if (value === undefined) return { file: fallback };
  if (typeof value !== 'string') {
    return { problem: `context '${option}' must be a file name, got a ${typeof value} (check cdk.json and -c ${option}=<file>).` };
  }
  if (value.trim() === '') {
    return {
      problem: `-c ${option}= is empty: give a file name (-c ${option}=<file>)${
        fallback ? `, or leave the option out to use ${fallback}` : ''
      }; an unset shell variable does this.`,
    };
  }
  return { file: value };
}

/**
 * The peer's outputs file (`pulumi stack output --json` of the Azure or Alibaba program): `-c peerOutputs=<file>`,
 * or its older name `-c azureOutputs=<file>`, kept as an alias. Both at once is a problem (which one was meant?).
 */
export function peerOutputsFile(tryGetContext: (key: string) => unknown): { readonly file?: string; readonly problem?: string; } {
  const peer = tryGetContext('peerOutputs');
  const azure = tryGetContext('azureOutputs');
  if (peer !== undefined && azure !== undefined) {
    return {
      problem: '-c peerOutputs and -c azureOutputs are both given: azureOutputs is the older name of peerOutputs; give one (-c peerOutputs=<file>).',
    };
  }
  return peer !== undefined ? contextFile(peer, 'peerOutputs') : contextFile(azure, 'azureOutputs');
}
