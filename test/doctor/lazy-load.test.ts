/**
 * The SDKs are optional peer dependencies loaded only by `doctor`: no other verb, and no package
 * entry point, imports them (so `npx multicloud-vpn plan` stays fast and needs none of them).
 */
import { readFileSync, readdirSync } from 'node:fs';
import pkg from '../../package.json';

const SDKS = ['@aws-sdk/client-ec2', '@azure/arm-network', '@azure/identity'];
const staticImport = (text: string, module: string) =>
  text.split('\n').some((line) => /^\s*import\s(?!type\b)/.test(line) && line.includes(`'${module}'`));

describe('doctor SDKs are optional and lazily loaded', () => {
  it('are optional peer dependencies (and devDependencies for the tests)', () => {
    const p = pkg as unknown as {
      peerDependencies: Record<string, string>;
      peerDependenciesMeta: Record<string, { optional: boolean; }>;
      devDependencies: Record<string, string>;
      dependencies: Record<string, string>;
    };
    for (const sdk of SDKS) {
      expect(p.peerDependenciesMeta[sdk]).toEqual({ optional: true });
      expect(p.devDependencies[sdk]).toBeDefined();
      expect(p.dependencies[sdk]).toBeUndefined();
    }
    expect(p.peerDependencies['@azure/arm-network']).toMatch(/^\^36\./);
    expect(p.peerDependencies['@azure/identity']).toMatch(/^~4\.13\./);
  });
  it('cli.ts reaches doctor only through a dynamic import; lib/doctor imports the SDKs only as types or dynamically', () => {
    const cli = readFileSync('lib/cli/cli.ts', 'utf8');
    expect(cli).toContain("await import('./verbs/doctor')");
    expect(cli).not.toMatch(/^import .*doctor/m);
    const verb = readFileSync('lib/cli/verbs/doctor.ts', 'utf8');
    expect(verb).not.toMatch(/^import (?!type).*'\.\.\/\.\.\/doctor'/m);
    for (const file of readdirSync('lib/doctor').map((f) => `lib/doctor/${f}`)) {
      const text = readFileSync(file, 'utf8');
      for (const sdk of SDKS) expect({ file, sdk, static: staticImport(text, sdk) }).toEqual({ file, sdk, static: false });
    }
    for (const entry of ['lib/index.ts', 'lib/aws-entry.ts', 'lib/azure-entry.ts']) expect(readFileSync(entry, 'utf8')).not.toContain('doctor');
  });
});
