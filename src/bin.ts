#!/usr/bin/env node
// node-version.js first: on an older Node it stops the CLI before cli.js (and undici) is loaded.
import './node-version.js';
import { runCli } from './cli.js';

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  cwd: process.cwd(),
  stderrIsTTY: process.stderr.isTTY === true,
});
