/**
 * The command line of a tool: `flag('--check')` is true when given, `option('--out')` is the
 * value after it.
 *
 * @example
 * const { flag, option } = cliArgs(process.argv.slice(2));
 * if (flag('--quiet')) …; const filter = option('--filter');
 */
export function cliArgs(args: readonly string[]) {
  return {
    flag: (name: string) => args.includes(name),
    option: (name: string) => {
      const i = args.indexOf(name);
      return i >= 0 ? args[i + 1] : undefined;
    },
  };
}
