// Test support: a `gongkai` with only the report commands, run as a child process by the CLI
// tests (the real root, src/cli/index.ts, also opens the database).
import { Command } from 'commander';
import { registerReportCommands } from '../report.js';

const program = new Command('gongkai');
registerReportCommands(program);
await program.parseAsync(process.argv);
