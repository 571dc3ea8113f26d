/**
 * `npm start`: build the app with the committed default dataset and serve `build/` at
 * http://localhost:4173 (PORT to change it, HOST=0.0.0.0 to let colleagues on the intranet in).
 */
import { spawnSync } from 'node:child_process';
import { serveStatic } from './serve-static.js';

const port = Number(process.env.PORT ?? 4173);
const host = process.env.HOST ?? 'localhost';

const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const { baseUrl } = await serveStatic({ root: 'build', port, host });
console.log(`\n村情地图 Village Atlas → ${baseUrl}/   (Ctrl+C to stop)\n`);
