#!/usr/bin/env node
// Runs the TypeScript CLI straight from src/ through tsx (a devDependency), so `npx flowdeck`
// works from a fresh clone after `npm ci`, with no build step.
import { register } from 'tsx/esm/api';

register();
// A reader that stops early (`flowdeck test | head -c 1`) closes the pipe: end quietly, as Unix tools do.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}
const { main } = await import('./main.ts');
const code = await main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
  debug: process.env.FLOWDECK_DEBUG === '1',
});
// Let pending stdout writes flush (a pipe may be slower than us) before exiting with the code.
process.exitCode = code;
