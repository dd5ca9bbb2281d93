#!/usr/bin/env node
// The package as a user gets it (issue 8, part 2): `npm pack`, then the tarball installed into a fresh
// project that has its OWN, older aws-cdk-lib 2.x (the lower bound of our peer range), used the way the
// README says. Run by .ci/run after `npm test` (`npm run package-check`); needs only the npm registry.
//
// Phase A, an AWS-only consumer (no Pulumi, no AWS SDK installed): the tarball's files, one copy of
// aws-cdk-lib and constructs, the root and /aws entry points load without any @pulumi module, the
// consumer app type-checks (node10) and synthesizes with the rules Aspect and the cdk-nag pack, the CLI
// runs (`--version`, `plan`). Phase B adds the consumer's own Pulumi packages (the lower bound of
// @pulumi/pulumi's peer range): /azure loads, consumer files type-check under node10, node16 and
// bundler, and `multicloud-vpn azure` runs. The temporary folder is removed at the end, pass or fail.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CONSUMER_FILES = join(ROOT, 'scripts', 'package-check', 'consumer');
const repoPackage = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const installed = (name) => JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')).version;
/** The lowest version of a peer range `^x.y.z`: what the consumer installs, so the range's floor is proven. */
const floorOf = (name) => {
  const range = repoPackage.peerDependencies[name];
  if (!/^\^\d+\.\d+\.\d+$/.test(range)) throw new Error(`peerDependencies.${name} is '${range}'; this check expects ^x.y.z`);
  return range.slice(1);
};

const CONSUMER_VERSIONS = {
  'aws-cdk-lib': floorOf('aws-cdk-lib'),
  constructs: floorOf('constructs'),
  'cdk-nag': floorOf('cdk-nag'),
  '@types/node': installed('@types/node'),
};
const PULUMI_VERSIONS = {
  '@pulumi/pulumi': floorOf('@pulumi/pulumi'),
  // The cached version (npm ci fetched it): azure-native is large, and its floor is the repo's.
  '@pulumi/azure-native': installed('@pulumi/azure-native'),
};
if (CONSUMER_VERSIONS['aws-cdk-lib'] === installed('aws-cdk-lib')) {
  throw new Error(`aws-cdk-lib's peer floor equals the repo's version (${installed('aws-cdk-lib')}); the check needs another 2.x`);
}

const TSC = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
const started = Date.now();
const results = [];
const tmp = mkdtempSync(join(tmpdir(), 'multicloud-vpn-package-'));
const consumer = join(tmp, 'consumer');
const hadDist = existsSync(join(ROOT, 'dist'));

const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`;
function log(text) {
  process.stdout.write(`${text}\n`);
}

/** Runs a command; returns { status, stdout, stderr }. Never through a shell. */
function run(command, args, cwd, env = {}) {
  const out = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 });
  if (out.error) throw out.error;
  return out;
}

/** Runs a command that must succeed; its output is shown when it does not. */
function must(command, args, cwd, env) {
  const out = run(command, args, cwd, env);
  if (out.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${out.status}\n${out.stdout}\n${out.stderr}`);
  return out.stdout;
}

/** One named check: a function that throws on failure. */
function check(name, fn) {
  const since = Date.now();
  try {
    fn();
    results.push(true);
    log(`ok   ${name} (${seconds(since)})`);
  } catch (error) {
    results.push(false);
    log(`FAIL ${name} (${seconds(since)})\n${String(error.message).trim().split('\n').map((l) => `     ${l}`).join('\n')}`);
  }
}

function expect(condition, message) {
  if (!condition) throw new Error(message);
}

/** Runs CommonJS code in the consumer project and returns what it printed as JSON. */
function probe(code) {
  const file = join(consumer, `probe-${results.length}.cjs`);
  writeFileSync(file, code);
  return JSON.parse(must(process.execPath, [file], consumer));
}

function tsc(name, compilerOptions, files) {
  writeFileSync(
    join(consumer, `tsconfig.${name}.json`),
    JSON.stringify(
      {
        compilerOptions: { target: 'ES2022', strict: true, skipLibCheck: true, esModuleInterop: true, types: ['node'], ...compilerOptions },
        files,
      },
      null,
      2,
    ),
  );
  must(process.execPath, [TSC, '-p', `tsconfig.${name}.json`], consumer);
}

const ALLOWED = [/^package\.json$/, /^README\.md$/, /^RULES\.md$/, /^LICENSE$/, /^bin\/multicloud-vpn\.js$/, /^dist\/.+\.(js|d\.ts)$/];
const REQUIRED = [
  'LICENSE',
  'README.md',
  'RULES.md',
  'bin/multicloud-vpn.js',
  'dist/index.js',
  'dist/index.d.ts',
  'dist/aws-entry.js',
  'dist/aws-entry.d.ts',
  'dist/azure-entry.js',
  'dist/azure-entry.d.ts',
  'dist/alibaba-entry.js',
  'dist/alibaba-entry.d.ts',
  'dist/cli/cli.js',
];

/**
 * The app through the real CDK CLI with aws-cdk-lib's CloudFormation schema check on (the default users
 * get; npm test's real-CLI runs pass --no-validation to keep within its time budget). aws-cdk-lib turns
 * that check's errors into warnings unless asked otherwise, so the report is read, not the exit code.
 */
function cloudFormationValidation(context) {
  const out = join(tmp, `cfn-validate-${results.length}-${Math.random().toString(36).slice(2, 8)}`);
  const args = [
    join(ROOT, 'node_modules', 'aws-cdk', 'bin', 'cdk'),
    'synth',
    '--quiet',
    '--no-notices',
    '--no-version-reporting',
    '--output',
    out,
    ...context.flatMap((c) => ['-c', c]),
  ];
  must(process.execPath, args, ROOT, { CDK_DISABLE_CLI_TELEMETRY: 'true', CI: 'true', CDK_VALIDATION: 'true' });
  const report = JSON.parse(readFileSync(join(out, 'validation-report.json'), 'utf8'));
  const cfn = report.pluginReports.filter((p) => p.pluginName !== 'Construct Annotations');
  const violations = cfn.flatMap((p) => p.violations.map((v) => `${p.pluginName}: ${v.ruleName} ${v.description ?? ''}`));
  expect(violations.length === 0, `${context.join(' ')}: ${violations.join('\n')}`);
}

function main() {
  let tarball;
  check(
    "the example app, the transit-gateway and the Alibaba examples pass aws-cdk-lib's CloudFormation schema check (cdk synth, validation on)",
    () => {
      cloudFormationValidation(['azureOutputs=samples/azure-outputs.json']);
      cloudFormationValidation(['plan=examples/tgw-plan.json', 'azureOutputs=samples/azure-outputs.json']);
      cloudFormationValidation(['plan=examples/alibaba-plan.json', 'peerOutputs=samples/alibaba-outputs.json']);
    },
  );
  check('npm pack builds the package (prepack) and the tarball holds only the compiled lib/, the CLI, README, RULES.md, LICENSE', () => {
    const packed = JSON.parse(must('npm', ['pack', '--json', '--pack-destination', tmp], ROOT))[0];
    tarball = join(tmp, packed.filename);
    const files = packed.files.map((f) => f.path).sort();
    const stray = files.filter((f) => !ALLOWED.some((pattern) => pattern.test(f)));
    expect(stray.length === 0, `files that do not belong in the package: ${stray.join(', ')}`);
    const missing = REQUIRED.filter((f) => !files.includes(f));
    expect(missing.length === 0, `missing from the package: ${missing.join(', ')}`);
    log(
      `     ${packed.filename}: ${files.length} files, ${(packed.size / 1024).toFixed(0)} kB packed, ${
        (packed.unpackedSize / 1024).toFixed(0)
      } kB unpacked`,
    );
    log(
      `     ${files.filter((f) => !f.startsWith('dist/')).join(', ')}, dist/: ${files.filter((f) => /^dist\/.*\.js$/.test(f)).length} .js and ${
        files.filter((f) => f.endsWith('.d.ts')).length
      } .d.ts`,
    );
  });
  if (!tarball) return;

  check(
    `the tarball installs beside aws-cdk-lib ${CONSUMER_VERSIONS['aws-cdk-lib']}, constructs ${CONSUMER_VERSIONS.constructs}, cdk-nag ${
      CONSUMER_VERSIONS['cdk-nag']
    }, without Pulumi`,
    () => {
      cpSync(CONSUMER_FILES, consumer, { recursive: true });
      writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }, null, 2));
      writeFileSync(join(consumer, 'vpn-plan.json'), JSON.stringify({ name: 'consumer' }));
      const specs = Object.entries(CONSUMER_VERSIONS).map(([name, version]) => `${name}@${version}`);
      // --prefer-offline: what npm ci cached is not fetched again. No --legacy-peer-deps: the peer ranges must hold.
      must('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', tarball, ...specs], consumer);
      for (const absent of ['@pulumi/pulumi', '@pulumi/azure-native', '@aws-sdk/client-secrets-manager']) {
        expect(!existsSync(join(consumer, 'node_modules', absent)), `${absent} was installed for an AWS-only consumer (it must be an optional peer)`);
      }
    },
  );

  check("one copy of aws-cdk-lib, constructs and cdk-nag: the package uses the consumer's", () => {
    const seen = probe(`
      const path = require('path');
      const fromPackage = path.dirname(require.resolve('multicloud-vpn'));
      const out = {};
      for (const name of ['aws-cdk-lib', 'constructs', 'cdk-nag']) {
        out[name] = [require.resolve(name + '/package.json'), require.resolve(name + '/package.json', { paths: [fromPackage] })];
      }
      out.version = require('aws-cdk-lib/package.json').version;
      console.log(JSON.stringify(out));`);
    for (const name of ['aws-cdk-lib', 'constructs', 'cdk-nag']) {
      expect(seen[name][0] === seen[name][1], `${name}: the package resolves ${seen[name][1]}, the consumer ${seen[name][0]}`);
    }
    expect(seen.version === CONSUMER_VERSIONS['aws-cdk-lib'], `the consumer got aws-cdk-lib ${seen.version}`);
  });

  check('the root and /aws entry points load, and load no @pulumi module (the root loads no aws-cdk-lib either)', () => {
    const seen = probe(`
      const loaded = () => Object.keys(require.cache).filter((f) => f.includes('/node_modules/')).map((f) => f.split('/node_modules/').pop());
      const root = require('multicloud-vpn');
      const afterRoot = loaded();
      const aws = require('multicloud-vpn/aws');
      console.log(JSON.stringify({
        root: ['planVpn', 'readAwsOutputs', 'planSummary', 'RULES'].filter((n) => root[n] === undefined),
        aws: ['AzureVpnConnections', 'VpnRulesAspect', 'MulticloudVpnChecks'].filter((n) => typeof aws[n] !== 'function'),
        rootCdk: afterRoot.filter((m) => m.startsWith('aws-cdk-lib/') || m.startsWith('cdk-nag/')).length,
        pulumi: loaded().filter((m) => m.startsWith('@pulumi/')),
        awsCdk: loaded().filter((m) => m.startsWith('aws-cdk-lib/')).length,
      }));`);
    expect(seen.root.length === 0, `missing from 'multicloud-vpn': ${seen.root.join(', ')}`);
    expect(seen.aws.length === 0, `missing from 'multicloud-vpn/aws': ${seen.aws.join(', ')}`);
    expect(seen.rootCdk === 0, `'multicloud-vpn' loaded ${seen.rootCdk} aws-cdk-lib/cdk-nag modules`);
    expect(seen.pulumi.length === 0, `loaded: ${seen.pulumi.join(', ')}`);
    expect(seen.awsCdk > 0, "'multicloud-vpn/aws' did not load aws-cdk-lib (the probe sees nothing)");
  });

  check('without Pulumi, /azure fails naming @pulumi, and reading keys from Secrets Manager names the optional package', () => {
    const seen = probe(`
      let azure = '';
      try { require('multicloud-vpn/azure'); } catch (e) { azure = e.code + ' ' + e.message.split('\\n')[0]; }
      require('multicloud-vpn').secretsManagerReader()('arn:aws:secretsmanager:eu-west-1:123456789012:secret:k')
        .then(() => console.log(JSON.stringify({ azure, secrets: 'read?' })), (e) => console.log(JSON.stringify({ azure, secrets: e.message })));`);
    expect(/^MODULE_NOT_FOUND .*@pulumi\//.test(seen.azure), `require('multicloud-vpn/azure'): ${seen.azure || 'loaded'}`);
    expect(seen.secrets.includes('npm install @aws-sdk/client-secrets-manager'), `secretsManagerReader: ${seen.secrets}`);
  });

  check(
    `lib/ type-checks against the consumer's aws-cdk-lib ${
      CONSUMER_VERSIONS['aws-cdk-lib']
    }, constructs and cdk-nag (every API the package calls exists at the floor)`,
    () => {
      const mapped = (name) => [join(consumer, 'node_modules', name)];
      writeFileSync(
        join(tmp, 'tsconfig.floor.json'),
        JSON.stringify(
          {
            extends: join(ROOT, 'tsconfig.build.json'),
            compilerOptions: {
              noEmit: true,
              baseUrl: ROOT,
              typeRoots: [join(ROOT, 'node_modules', '@types')],
              paths: {
                'aws-cdk-lib': mapped('aws-cdk-lib'),
                'aws-cdk-lib/*': [join(consumer, 'node_modules', 'aws-cdk-lib', '*')],
                constructs: mapped('constructs'),
                'cdk-nag': mapped('cdk-nag'),
              },
            },
            include: [join(ROOT, 'lib', '**', '*.ts')],
          },
          null,
          2,
        ),
      );
      const files = must(process.execPath, [TSC, '-p', join(tmp, 'tsconfig.floor.json'), '--listFiles'], tmp).split('\n');
      // The mapping took: the consumer's aws-cdk-lib was read, the repo's never.
      expect(files.some((f) => f.startsWith(join(consumer, 'node_modules', 'aws-cdk-lib'))), "tsc read no file of the consumer's aws-cdk-lib");
      expect(!files.some((f) => f.startsWith(join(ROOT, 'node_modules', 'aws-cdk-lib'))), "tsc read the repo's aws-cdk-lib");
    },
  );

  check('a consumer app type-checks (node10) against the installed types and synthesizes with the rules Aspect and the cdk-nag pack', () => {
    tsc('node10', { module: 'commonjs', moduleResolution: 'node10', outDir: 'out' }, ['aws-app.ts']);
    const seen = JSON.parse(must(process.execPath, [join('out', 'aws-app.js'), join(consumer, 'cdk.out')], consumer));
    expect(seen.goodErrors.length === 0, `the documented VPN has errors: ${seen.goodErrors.join('; ')}`);
    expect(
      seen.vpnConnections === 2 && seen.customerGateways === 2,
      `expected 2 VPN connections and 2 customer gateways, got ${seen.vpnConnections} and ${seen.customerGateways}`,
    );
    expect(
      seen.aspectErrors.some((e) => e.includes('MultiCloudVpn-InsideCidrIsApipaSlash30') && e.includes('C01')),
      `the Aspect did not report C01 on the hand-written connection: ${JSON.stringify(seen.aspectErrors)}`,
    );
    const nag = run(process.execPath, [join('out', 'aws-app.js'), join(consumer, 'cdk.out'), 'nag'], consumer);
    const report = nag.stdout + nag.stderr;
    expect(
      nag.status !== 0 && report.includes('MultiCloudVpn-InsideCidrIsApipaSlash30') && report.includes('Handwritten'),
      `the cdk-nag pack did not fail synthesis on the hand-written connection (exit ${nag.status}): ${report.slice(0, 800)}`,
    );
  });

  check('the installed CLI: npx multicloud-vpn --version, plan, and an invalid plan', () => {
    // The installed bin, never a download: npx would fetch a missing command from the registry.
    expect(existsSync(join(consumer, 'node_modules', '.bin', 'multicloud-vpn')), 'the package installed no multicloud-vpn command');
    const version = must('npx', ['multicloud-vpn', '--version'], consumer).trim();
    expect(version === repoPackage.version, `--version printed '${version}', package.json says ${repoPackage.version}`);
    const table = must('npx', ['multicloud-vpn', 'plan'], consumer);
    expect(table.includes('169.254.21.0/30') && table.includes('169.254.22.4/30'), `plan printed no tunnel table:\n${table}`);
    writeFileSync(
      join(consumer, 'bad-plan.json'),
      JSON.stringify({ name: 'consumer', tunnels: [{ azureInstance: 0, awsTunnel: 1, insideCidr: '169.254.21.1/30' }] }),
    );
    const bad = run('npx', ['multicloud-vpn', 'plan', 'bad-plan.json'], consumer);
    expect(bad.status === 1 && bad.stderr.includes('C01'), `an invalid plan gave exit ${bad.status}:\n${bad.stderr}`);
  });

  check(
    `Pulumi added (@pulumi/pulumi ${PULUMI_VERSIONS['@pulumi/pulumi']}, @pulumi/azure-native ${
      PULUMI_VERSIONS['@pulumi/azure-native']
    }): /azure loads`,
    () => {
      const specs = Object.entries(PULUMI_VERSIONS).map(([name, version]) => `${name}@${version}`);
      must('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', ...specs], consumer);
      const seen = probe(`
      const azure = require('multicloud-vpn/azure');
      console.log(JSON.stringify({ missing: ['AzureVpnGateway', 'awsTunnelEndpoints'].filter((n) => typeof azure[n] !== 'function'),
        pulumi: require.resolve('@pulumi/pulumi/package.json', { paths: [require.resolve('multicloud-vpn/azure')] }) === require.resolve('@pulumi/pulumi/package.json') }));`);
      expect(seen.missing.length === 0, `missing from 'multicloud-vpn/azure': ${seen.missing.join(', ')}`);
      expect(seen.pulumi, 'the package resolves another @pulumi/pulumi than the consumer');
    },
  );

  for (
    const [name, options, files] of [
      ['node10', { module: 'commonjs', moduleResolution: 'node10', noEmit: true }, ['aws-app.ts', 'azure-program.ts']],
      ['node16', { module: 'node16', moduleResolution: 'node16', noEmit: true }, ['aws-app.ts', 'azure-program.ts', 'esm-consumer.mts']],
      ['bundler', { module: 'esnext', moduleResolution: 'bundler', noEmit: true }, ['aws-app.ts', 'azure-program.ts', 'esm-consumer.mts']],
    ]
  ) {
    check(`consumer files type-check with moduleResolution ${name}: ${files.join(', ')}`, () => tsc(`${name}-all`, options, files));
  }

  check('the installed CLI: npx multicloud-vpn azure (offline, Pulumi mocks) lists the Azure resources', () => {
    const out = must('npx', ['multicloud-vpn', 'azure'], consumer);
    const types = JSON.parse(out).map((r) => r.type);
    expect(types.includes('azure-native:network:VirtualNetworkGateway'), `no gateway among: ${types.join(', ')}`);
  });
}

try {
  main();
} finally {
  rmSync(tmp, { recursive: true, force: true });
  // A dev checkout's bin/ prefers dist/ over the sources: leave no build behind that was not there.
  if (!hadDist) rmSync(join(ROOT, 'dist'), { recursive: true, force: true });
}
const passed = results.filter(Boolean).length;
log(`package check took ${seconds(started)}`);
log(`package-check: ${passed} passed, ${results.length - passed} failed`);
process.exit(passed === results.length ? 0 : 1);
