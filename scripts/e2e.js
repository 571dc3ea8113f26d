/** `npm run test:e2e`: build, then run the browser tests alone. */
import { spawnSync } from 'node:child_process';
import { provision } from './provision.js';

provision();
const run = (args) => spawnSync('npx', args, { stdio: 'inherit' }).status ?? 1;
if (run(['vite', 'build', '--logLevel', 'warn']) !== 0) process.exit(1);
process.exit(run(['vitest', 'run', '--config', 'vitest.e2e.config.ts', ...process.argv.slice(2)]));
