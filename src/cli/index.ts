// The `gongkai` command line. Each subcommand is a thin wrapper over commands and queries.
// Only the module of the subcommand being run is loaded (the whole app takes seconds to load
// under tsx); `gongkai`, `gongkai --help` and unknown commands load them all to list them.
import { Command } from 'commander';

// `gongkai … | head` closes the pipe early: that is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

type Register = (program: Command) => void;
const MODULES: Record<string, () => Promise<Register[]>> = {
  serve: async () => [(await import('./commands/serve.js')).registerServeCommand],
  admin: async () => [(await import('./commands/admin.js')).registerAdminCommands],
  calendar: async () => [(await import('./commands/calendar.js')).registerCalendarCommands],
  report: async () => [
    (await import('./commands/report.js')).registerReportCommands,
    (await import('./commands/report-build.js')).registerReportBuild,
    (await import('./commands/report-import.js')).registerReportImport,
  ],
  jobs: async () => [(await import('./commands/jobs.js')).registerJobCommands],
};
/** Which module defines each top-level command. */
const OWNER: Record<string, keyof typeof MODULES> = {
  serve: 'serve',
  db: 'admin',
  demo: 'admin',
  user: 'admin',
  token: 'admin',
  audit: 'admin',
  'personal-data': 'admin',
  calendar: 'calendar',
  deadline: 'calendar',
  report: 'report',
  jobs: 'jobs',
};

const program = new Command();
program
  .name('gongkai')
  .description('Gongkai 政府信息公开平台 — government information disclosure platform')
  .showHelpAfterError()
  .configureOutput({ outputError: (str, write) => write(str) })
  // Set before the subcommands are added, so that they inherit it: bad usage exits 2 (the contract
  // of docs/report-json.md); --help and --version exit 0.
  .exitOverride((err) => {
    if (
      err.code === 'commander.helpDisplayed' ||
      err.code === 'commander.version' ||
      err.code === 'commander.help'
    )
      process.exit(0);
    process.exit(2);
  });

const first = process.argv[2];
const owner = first ? OWNER[first] : undefined;
const wanted = owner ? [owner] : (Object.keys(MODULES) as (keyof typeof MODULES)[]);
for (const name of wanted) for (const register of await MODULES[name]!()) register(program);

await program.parseAsync(process.argv);
