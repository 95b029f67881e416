import { runCli } from './cli/commands.js';

/** `npm run cli -- <command>`: operator commands (see cli/commands.ts for the list). */
const code = await runCli(process.argv.slice(2));
// PGlite and pg may leave handles open for a moment; the command is done, so leave now
process.exit(code);
