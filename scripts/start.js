/**
 * `npm start`: build the app with the committed default dataset and serve it at
 * http://localhost:4173 (set PORT to change, HOST=0.0.0.0 to let colleagues on the intranet in).
 */
import { spawn, spawnSync } from 'node:child_process';

const port = process.env.PORT ?? '4173';
const host = process.env.HOST ?? 'localhost';

const build = spawnSync('npx', ['vite', 'build'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
console.log(`\n村情地图 Village Atlas → http://${host}:${port}/\n`);
const server = spawn('npx', ['vite', 'preview', '--port', port, '--strictPort', '--host', host], {
	stdio: 'inherit'
});
server.on('exit', (code) => process.exit(code ?? 0));
