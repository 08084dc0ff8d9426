/** Process exit codes of the `flowdeck` command (documented in docs/cli.md). */
export const EXIT = {
  /** The command did what was asked (a run that stops at a wait state is a success). */
  ok: 0,
  /** A run ended in an incident, or a scenario's expectations failed. */
  failed: 1,
  /** Bad command line: unknown command or option, missing argument. */
  usage: 2,
  /** Bad input: unreadable file, invalid JSON, invalid scenario or model. */
  input: 3,
  /** A bug or unexpected environment failure inside flowdeck. */
  internal: 70,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** An error the CLI reports as one line (no stack) and exits with `exitCode`. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** A command-line mistake; the CLI prints the message and a pointer to `--help`. */
export class UsageError extends CliError {
  constructor(message: string) {
    super(message, EXIT.usage);
    this.name = 'UsageError';
  }
}

/** A file, JSON document, scenario or model that cannot be used. */
export class InputError extends CliError {
  constructor(message: string) {
    super(message, EXIT.input);
    this.name = 'InputError';
  }
}
