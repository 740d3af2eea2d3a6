#!/usr/bin/env node
/**
 * qualspec COMMAND …: one entry for the three commands. `qualspec parse` is parse-spec,
 * `qualspec diff` is diff-spec, `qualspec validate FILE.json…` checks JSON against the schema.
 */
import { diffSpecCommand } from './diff-command.js';
import { EXIT_OK, runCli, usage, version, type Command } from './common.js';
import { parseSpecCommand } from './parse-command.js';
import { validateCommand } from './validate-command.js';

const HELP = `Usage: qualspec COMMAND [ARGS…]

Commands:
  parse FILE…            parse specifications into SpecDocument JSON (= parse-spec)
  diff FILE…             compare specifications across awarding bodies (= diff-spec)
  validate FILE.json…    check SpecDocument or DiffReport JSON against the schema;
                         every problem is printed with its path (exit 1 if any)

  qualspec COMMAND --help shows a command's options; qualspec --version the version.
`;

const VALIDATE_HELP = `Usage: qualspec validate FILE.json|- …

Check SpecDocument JSON (one document or an array, as parse-spec writes) or DiffReport
JSON (diff-spec --format json) against the qualspec schema. Every problem is printed on
stderr as "qualspec validate: FILE: PATH: problem": wrong or missing fields, and fields
the schema does not have. A valid file prints "FILE: valid KIND" on stdout.

Exit codes:
  0  every file is valid
  1  a file has schema problems
  2  usage error, or a file that cannot be read or is not JSON
`;

const validate: Command = async (argv, tool) => {
  if (argv.includes('-h') || argv.includes('--help')) {
    process.stdout.write(VALIDATE_HELP);
    return EXIT_OK;
  }
  const end = argv.indexOf('--');
  const options = end < 0 ? argv : argv.slice(0, end);
  const unknown = options.find((a) => a.startsWith('-') && a !== '-');
  if (unknown) return usage(tool, `unknown option ${unknown}`);
  return validateCommand(end < 0 ? argv : [...argv.slice(0, end), ...argv.slice(end + 1)], tool);
};

const COMMANDS: Record<string, Command> = { parse: parseSpecCommand, diff: diffSpecCommand, validate };

const qualspec: Command = async (argv) => {
  const [name, ...rest] = argv;
  if (name === undefined) return usage('qualspec', 'no command: parse, diff or validate');
  if (name === '-h' || name === '--help' || name === 'help') {
    process.stdout.write(HELP);
    return EXIT_OK;
  }
  if (name === '-v' || name === '--version') {
    process.stdout.write(`${version()}\n`);
    return EXIT_OK;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) return usage('qualspec', `unknown command ${name}: parse, diff or validate`);
  return command(rest, `qualspec ${name}`);
};

runCli('qualspec', qualspec);
