// The `gongkai` command line. Each subcommand is a thin wrapper over commands and queries.
import { Command } from 'commander';
import { registerAdminCommands } from './commands/admin.js';
import { registerCalendarCommands } from './commands/calendar.js';
import { registerReportCommands } from './commands/report.js';
import { registerServeCommand } from './commands/serve.js';

// `gongkai … | head` closes the pipe early: that is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

const program = new Command();
program
  .name('gongkai')
  .description('Gongkai 政府信息公开平台 — government information disclosure platform')
  .showHelpAfterError()
  .configureOutput({ outputError: (str, write) => write(str) });

registerServeCommand(program);
registerAdminCommands(program);
registerCalendarCommands(program);
registerReportCommands(program);

program.exitOverride((err) => {
  // Bad usage exits 2 (the contract of docs/report-json.md); --help and --version exit 0.
  if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') process.exit(0);
  process.exit(2);
});

await program.parseAsync(process.argv);
