/** Writes the sample `doctor` report (mocked clouds, test/doctor/sample.ts) into README.md between its markers. */
import { readFileSync, writeFileSync } from 'node:fs';
import { README_END, README_START, readmeBlock, sampleReport } from '../test/doctor/sample';

async function main(): Promise<void> {
  const readme = readFileSync('README.md', 'utf8');
  const start = readme.indexOf(README_START);
  const end = readme.indexOf(README_END);
  if (start < 0 || end < start) throw new Error(`README.md has no ${README_START} … ${README_END} block`);
  const block = readmeBlock(await sampleReport());
  writeFileSync('README.md', readme.slice(0, start) + block + readme.slice(end + README_END.length));
  process.stdout.write('README.md: doctor sample updated\n');
}

main().catch((e) => {
  process.stderr.write(`${(e as Error).message}\n`);
  process.exitCode = 1;
});
